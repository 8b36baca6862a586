"""Merchant settings of the online payment providers: kept in the site secrets file beside the site key (never
in the database), set by an administrator, checked by a connection test, and turned into provider clients.

Each provider's settings are one JSON secret ('payment.wechat', 'payment.alipay'). The operation log records
that they changed and which fields, never a key."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError, ValidationError
from acrel_console.domain.roles import Permission
from acrel_console.drivers.payments.alipay import GATEWAY as ALIPAY_GATEWAY
from acrel_console.drivers.payments.alipay import AlipayClient, AlipayConfig
from acrel_console.drivers.payments.api import PaymentClient, ProviderError
from acrel_console.drivers.payments.wechat import GATEWAY as WECHAT_GATEWAY
from acrel_console.drivers.payments.wechat import WeChatConfig, WeChatPayClient
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.site_secrets import secret, secrets_dir, store_secret

# Fields per provider: (name, secret?) — secret fields are never shown back or logged.
FIELDS: dict[str, tuple[tuple[str, bool], ...]] = {
    "wechat": (("mchid", False), ("appid", False), ("cert_serial_no", False), ("private_key", True),
               ("apiv3_key", True), ("public_key_id", False), ("public_key", False), ("notify_url", False),
               ("base_url", False)),
    "alipay": (("app_id", False), ("app_private_key", True), ("alipay_public_key", False), ("notify_url", False),
               ("base_url", False)),
}
REQUIRED = {"wechat": ("mchid", "appid", "cert_serial_no", "private_key", "apiv3_key", "notify_url"),
            "alipay": ("app_id", "app_private_key", "alipay_public_key")}
KEYS = {"wechat": ("private_key", "public_key"), "alipay": ("app_private_key", "alipay_public_key")}
PRIVATE_KEYS = ("private_key", "app_private_key")
LABELS = {"wechat": QT_TRANSLATE_NOOP("payments", "WeChat Pay"), "alipay": QT_TRANSLATE_NOOP("payments", "Alipay")}


def secret_name(provider: str) -> str:
    return f"payment.{provider}"


def load_fields(provider: str) -> dict[str, str]:
    """The stored settings of a provider ({} when not set up)."""
    raw = secret(secret_name(provider))
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def configured() -> tuple[str, ...]:
    """The providers with complete settings."""
    return tuple(p for p in FIELDS if all(load_fields(p).get(k) for k in REQUIRED[p]))


def make_client(provider: str, fields: dict[str, str], clock: Callable[[], Any]) -> PaymentClient:
    """A provider client from its settings (no network until the first call)."""
    if provider == "wechat":
        return WeChatPayClient(WeChatConfig(
            mchid=fields["mchid"], appid=fields["appid"], private_key=fields["private_key"],
            cert_serial_no=fields["cert_serial_no"], apiv3_key=fields["apiv3_key"], notify_url=fields["notify_url"],
            public_key=fields.get("public_key", ""), public_key_id=fields.get("public_key_id", ""),
            cert_dir="" if fields.get("public_key_id") else str(secrets_dir() / "wechatpay_certs"),
            base_url=fields.get("base_url") or WECHAT_GATEWAY))
    if provider == "alipay":
        return AlipayClient(AlipayConfig(app_id=fields["app_id"], app_private_key=fields["app_private_key"],
                                         alipay_public_key=fields["alipay_public_key"],
                                         notify_url=fields.get("notify_url", ""),
                                         base_url=fields.get("base_url") or ALIPAY_GATEWAY), clock)
    raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown payment provider '{provider}'."), field="provider",
                          provider=provider)


def key_readable(text: str, *, private: bool) -> bool:
    """Whether `text` is an RSA key as the providers hand it out: PEM (any label: PKCS#1 or PKCS#8) or the bare
    base64 Alipay's key tool shows."""
    import base64
    import binascii

    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import load_der_private_key, load_der_public_key

    body = "".join(line for line in text.strip().splitlines() if not line.startswith("-----"))
    try:
        der = base64.b64decode("".join(body.split()), validate=True)
        key = load_der_private_key(der, password=None) if private else load_der_public_key(der)
    except (ValueError, TypeError, binascii.Error):
        if not private:
            return False
        try:  # a PKCS#1 private key
            from cryptography.hazmat.primitives.serialization import load_pem_private_key

            key = load_pem_private_key(f"-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----"
                                       .encode(), password=None)
        except (ValueError, TypeError):
            return False
    return isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey))


def check_fields(provider: str, fields: dict[str, str]) -> dict[str, str]:
    """The fields cleaned (stripped, unknown ones refused, required ones present, the key modes complete)."""
    known = {name for name, _ in FIELDS.get(provider, ())}
    if not known:
        make_client(provider, {}, lambda: None)  # raises the unknown-provider error
    clean = {k: str(v).strip() for k, v in fields.items() if str(v).strip()}
    unknown = sorted(set(clean) - known)
    if unknown:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown payment setting '{name}'."), field=unknown[0],
                              name=unknown[0])
    for name in REQUIRED[provider]:
        if not clean.get(name):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The payment setting '{name}' is required."),
                                  field=name, name=name)
    if provider == "wechat":
        if len(clean["apiv3_key"]) != 32:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The APIv3 key has 32 characters."), field="apiv3_key")
        if bool(clean.get("public_key")) != bool(clean.get("public_key_id")):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The platform public key and its id go together (public-key mode), or neither "
                          "(platform-certificate mode)."), field="public_key_id")
    for name in KEYS.get(provider, ()):
        if clean.get(name) and not key_readable(clean[name], private=name in PRIVATE_KEYS):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This private key is not an RSA private key (PEM, or "
                                                              "its base64 text).") if name in PRIVATE_KEYS else
                                  QT_TRANSLATE_NOOP("errors", "This public key is not an RSA public key (PEM, or its "
                                                              "base64 text)."), field=name)
    for name in ("notify_url", "base_url"):
        if clean.get(name) and not clean[name].startswith(("https://", "http://")):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "'{value}' is not a web address."), field=name,
                                  value=clean[name])
    return clean


@dataclass(frozen=True, slots=True)
class ProviderSetup:
    """What Settings shows of a provider: the non-secret fields, and which secret fields are set."""

    provider: str
    configured: bool
    fields: dict[str, str]
    secrets_set: tuple[str, ...]
    mode: str  # wechat: public_key | certificate; alipay: public_key


class PaymentConfigService:
    """Settings → Online payment: read, save and test a provider's merchant settings."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.MANAGE_SECRETS)
    def setup(self, actor: Actor, provider: str) -> ProviderSetup:
        stored = load_fields(provider)
        secret_names = {n for n, s in FIELDS.get(provider, ()) if s}
        mode = "public_key" if provider != "wechat" or stored.get("public_key_id") else "certificate"
        return ProviderSetup(provider, provider in configured(),
                             {k: v for k, v in stored.items() if k not in secret_names},
                             tuple(sorted(k for k in secret_names if stored.get(k))), mode)

    @requires(Permission.MANAGE_SECRETS)
    def save(self, actor: Actor, provider: str, fields: dict[str, str]) -> ProviderSetup:
        """Store the settings (a secret field left empty keeps its stored value). Logged without any key."""
        stored = load_fields(provider)
        merged = dict(stored)
        merged.update({k: v for k, v in fields.items() if str(v).strip() or not dict(FIELDS.get(provider, ())).get(k)})
        clean = check_fields(provider, merged)
        make_client(provider, clean, self.ctx.clock)  # malformed values fail here, not at the first sale
        store_secret(secret_name(provider), json.dumps(clean, sort_keys=True))
        changed = sorted(k for k in set(clean) | set(stored) if clean.get(k) != stored.get(k))
        with self.ctx.transaction() as s:
            audit.append(s, actor, "payment.setup", f"provider:{provider}", after={"changed": changed},
                         at=self.ctx.clock())
        return self.setup(actor, provider)

    @requires(Permission.MANAGE_SECRETS)
    def remove(self, actor: Actor, provider: str) -> None:
        store_secret(secret_name(provider), "")
        with self.ctx.transaction() as s:
            audit.append(s, actor, "payment.setup", f"provider:{provider}", after={"removed": True},
                         at=self.ctx.clock())

    @requires(Permission.MANAGE_SECRETS)
    def test_connection(self, actor: Actor, provider: str, fields: dict[str, str] | None = None) -> str:
        """Ask the provider something harmless with these (or the stored) settings; the answer in English, or a
        UserError saying what failed. Blocks on the network: never on the GUI thread."""
        merged = dict(load_fields(provider))
        merged.update({k: v for k, v in (fields or {}).items() if str(v).strip()})
        clean = check_fields(provider, merged)
        try:
            result = make_client(provider, clean, self.ctx.clock).test_connection()
        except ProviderError as err:
            raise UserError(QT_TRANSLATE_NOOP("errors", "The connection test failed: {error}"), error=str(err)) from None
        with self.ctx.transaction() as s:
            audit.append(s, actor, "payment.test", f"provider:{provider}", after={"result": result}, at=self.ctx.clock())
        return result
