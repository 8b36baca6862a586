"""Payment provider clients: WeChat Pay API v3 (wechatpayv3), Alipay (python-alipay-sdk), UnionPay (interface only)."""
