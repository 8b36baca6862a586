"""The tenant self-service portal (用户查询系统): the phone page, the lobby kiosk and a small JSON API, served
by Starlette on uvicorn. A top layer beside ui/cli: it calls services.tenant_portal only (never SQL,
meters, the ledger or an operator service); see docs/portal.md."""
