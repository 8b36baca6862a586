"""Online recharge pages (issue 17): the recharge form's post, the order page that follows an order to
"delivered to the meter" (a QR drawn here with segno on the kiosk, the provider's page on the phone), and the
providers' notification endpoint (/pay/notify/<provider>, verified by the payment service)."""

from __future__ import annotations

import io

import segno
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from acrel_console.domain.errors import UserError
from acrel_console.portal.pages import PENDING_REFRESH_S, form_post, page, signed_in
from acrel_console.portal.web import call, client_of, error_text, layout_of, portal_of, status_of, translator

MAX_NOTIFY_BYTES = 64 * 1024


def qr_svg(payload: str) -> Markup:
    """The QR as inline SVG (no image service; the page's CSP allows nothing else anyway)."""
    out = io.BytesIO()
    segno.make(payload, error="m").save(out, kind="svg", scale=8, border=4, xmldecl=False, svgns=True,
                                        svgclass="qr", lineclass=None)
    return Markup(out.getvalue().decode())


async def recharge_post(request: Request) -> Response:
    post = await form_post(request)
    if isinstance(post, Response):
        return post
    meter_id = int(request.path_params["meter_id"])
    kiosk = layout_of(request) == "kiosk"
    try:
        post.check_csrf()
        order = await call(post.portal.tenants.recharge, post.principal, meter_id, post.form.get("amount", ""),
                           post.form.get("provider", ""), kiosk=kiosk, client_ip=client_of(request),
                           return_url=str(request.url_for("order_page", order_id="ORDER")).replace("ORDER",
                                                                                                "{order_id}"))
    except UserError as err:
        return await page(request, "error.html", status_of(err), principal=post.principal,
                          error=error_text(err, post.translate, (await post.portal.site()).zone))
    if not kiosk and order.redirect_url:  # the provider's payment page, opened from our order page: a form's post
        # may not redirect to another site (the pages' CSP form-action 'self'; browsers apply it to redirects)
        return RedirectResponse(f"/orders/{order.order_id}?pay=1", status_code=303)
    return RedirectResponse(f"/orders/{order.order_id}", status_code=303)


async def order_page(request: Request) -> Response:
    principal = await signed_in(request)
    if isinstance(principal, Response):
        return principal
    portal = portal_of(request)
    try:
        order = await call(portal.tenants.recharge_order, principal, str(request.path_params["order_id"]))
    except UserError as err:
        return await page(request, "error.html", status_of(err), principal=principal,
                          error=error_text(err, translator(request), (await portal.site()).zone))
    following = order.open or (order.state in ("paid", "credited") and not order.delivered) or order.state == "refunding"
    go_to = order.redirect_url if order.open and request.query_params.get("pay") == "1" else None
    return await page(request, "order.html", principal=principal, order=order,
                      qr=qr_svg(order.qr_payload) if order.open and order.qr_payload else None,
                      refresh=PENDING_REFRESH_S if following else None, go_to=go_to)


async def notify(request: Request) -> Response:
    """A provider's notification: no session, no CSRF (the provider signs it; the service verifies)."""
    body = await request.body()
    if len(body) > MAX_NOTIFY_BYTES:
        return Response(status_code=413)
    headers = {k.lower(): v for k, v in request.headers.items()}
    reply = await call(portal_of(request).tenants.payment_notification, str(request.path_params["provider"]),
                       headers, body)
    return Response(reply.body, status_code=reply.status, media_type=reply.content_type)
