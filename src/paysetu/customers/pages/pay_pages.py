"""Scan to pay: the wallet's pay page for a merchant, its receipt, the page that reads a code
without a camera, and the merchant's printable QR code on its dashboard.

- ``GET /wallet/pay/{merchant}``: what a merchant's static QR code opens. The signed-in
  customer sees the payee (masked legal name), types the amount (or sees it fixed by
  ``?amount_minor=&currency=``) and approves with the PIN
  (:func:`paysetu.customers.usecases.wallet_pay.pay_merchant`); not signed in, the page asks
  for the mobile number and comes back after the code.
- ``GET /wallet/pay/receipt/{payment}``: the customer's own payment (another's: 404).
- ``GET|POST /wallet/scan``: paste the link or upload a photo of the code; it is decoded on the
  server (``zxing-cpp``) and only a paysetu pay page is followed (:mod:`..rules.pay_links`).
- ``GET /dashboard/qr`` (and ``/dashboard/qr.png``): the merchant's static code to print.

The payloads and the deep-link form are in ``docs/wallet-app.md`` ("Scan to pay").
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import UploadFile

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.customers.api.deps import Context, Pins
from paysetu.customers.pages.pay_common import pay_values, public_base
from paysetu.customers.pages.wallet_kit import page as wallet_page
from paysetu.customers.pages.wallet_kit import signed_in
from paysetu.customers.rules.pay_links import deep_link, path_of_scan, pay_path, pay_url
from paysetu.customers.usecases import wallet_pay
from paysetu.kernel.money import AmountFormatError, Money, is_currency
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.shell.http.error_mapping import http_status
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.auth import Form, MerchantSession
from paysetu.shell.pages.qr import qr_png, qr_svg, read_qr
from paysetu.shell.pages.rendering import redirect, render

router = APIRouter(include_in_schema=False)
PHOTO_BYTES_MAX = 5 * 1024 * 1024
SCAN_PATH = "/wallet/scan"


def _fixed_amount(amount_minor: str | None, currency: str | None) -> tuple[int, str] | None:
    if (amount_minor and amount_minor.isascii() and amount_minor.isdigit()
            and len(amount_minor) <= 15 and currency and is_currency(currency)):
        return int(amount_minor), currency
    return None


def _pay_page(request: Request, context: Context, merchant_id: str, *,
              error: PaysetuError | None = None, typed: str = "") -> Response:
    query = request.query_params
    fixed = _fixed_amount(query.get("amount_minor"), query.get("currency"))
    with context.reader() as uow:
        payee = wallet_pay.payee(uow, merchant_id)
    values = pay_values(
        request, context, payee=payee["name"], action=pay_path(merchant_id) + (
            "?" + request.url.query if request.url.query else ""),
        currency=fixed[1] if fixed else payee["currency"],
        amount_minor=fixed[0] if fixed else None)
    values |= {"error": error, "typed_amount": typed}
    return wallet_page(request, context, "pay.html", values,
                       status_code=http_status(error) if error else 200)


@router.get("/wallet/pay/{merchant_id}", response_class=HTMLResponse)
def wallet_pay_page(request: Request, merchant_id: str, context: Context) -> Response:
    """A merchant's pay page (what its QR code opens)."""
    try:
        return _pay_page(request, context, merchant_id)
    except PaysetuError as error:
        return wallet_page(request, context, "pay_scan.html", {"error": error},
                           status_code=http_status(error))


@router.post("/wallet/pay/{merchant_id}", response_class=HTMLResponse)
def wallet_pay_submit(
    request: Request, merchant_id: str, context: Context, hasher: Pins, form: Form
) -> Response:
    customer = signed_in(request, context)
    if customer is None:
        return redirect(str(request.url.path))
    query = request.query_params
    fixed = _fixed_amount(query.get("amount_minor"), query.get("currency"))
    currency = form.text("currency")
    typed = form.text("amount")
    try:
        if fixed is not None:
            amount_minor, currency = fixed
        else:
            try:
                amount_minor = Money.parse(typed, currency).amount_minor
            except AmountFormatError as error:
                raise RequestRejected(RequestStatus.PARAMETER_INVALID, f"{error}.",
                                      "amount") from None
        payment = wallet_pay.pay_merchant(
            context, hasher, customer.customer_id, form.text("pin"), wallet_pay.PayOrder(
                merchant_id=merchant_id, amount_minor=amount_minor, currency=currency,
                request_key=form.text("request_key"),
                description=form.text("description") or None))
    except PaysetuError as error:
        return _pay_page(request, context, merchant_id, error=error, typed=typed)
    return redirect(f"/wallet/pay/receipt/{quote(str(payment['id']), safe='')}")


@router.get("/wallet/pay/receipt/{payment_id}", response_class=HTMLResponse)
def wallet_pay_receipt(request: Request, payment_id: str, context: Context) -> Response:
    """The customer's receipt of one of their payments."""
    customer = signed_in(request, context)
    if customer is None:
        return redirect("/wallet")
    try:
        with context.reader() as uow:
            receipt = wallet_pay.customer_receipt(uow, customer.customer_id, payment_id)
    except PaysetuError as error:
        return wallet_page(request, context, "pay_scan.html", {"error": error},
                           status_code=http_status(error))
    return wallet_page(request, context, "pay_receipt.html", {"payment": receipt})


@router.get(SCAN_PATH, response_class=HTMLResponse)
def wallet_scan(request: Request, context: Context) -> Response:
    """Pay by a code without a camera: paste its link or upload a photo of it."""
    return wallet_page(request, context, "pay_scan.html", {})


@router.post(SCAN_PATH, response_class=HTMLResponse)
async def wallet_scan_read(request: Request, context: Context, form: Form) -> Response:
    """Follow the pasted link or the code in the uploaded photo, if it is a paysetu pay code."""
    photo = form.data.get("photo")
    text: str | None = form.text("link")
    if isinstance(photo, UploadFile):
        try:
            data = await photo.read(PHOTO_BYTES_MAX + 1) if photo.filename else b""
        finally:
            await photo.close()
        if data:
            text = read_qr(data) if len(data) <= PHOTO_BYTES_MAX else None
    path = path_of_scan(text) if text else None
    if path is None:
        return wallet_page(request, context, "pay_scan.html", {"unreadable": True},
                           status_code=400)
    return redirect(path)


def _merchant_code(request: Request, context: Context, merchant_id: str) -> str:
    return pay_url(public_base(request, context), pay_path(merchant_id))


@router.get("/dashboard/qr", response_class=HTMLResponse)
def dashboard_qr(request: Request, context: Context, session: MerchantSession) -> Response:
    """The merchant's static scan-to-pay code, to print and put at the counter."""
    merchant_id = session.user.merchant_id or ""
    with context.reader() as uow:
        payee = wallet_pay.payee(uow, merchant_id)
    url = _merchant_code(request, context, merchant_id)
    return render(request, "dashboard/pay_qr.html", {
        "qr": qr_svg(url, label=f"QR code to pay {payee['name']}"), "url": url,
        "deep_link": deep_link(merchant_id), "payee": payee["name"]})


@router.get("/dashboard/qr.png")
def dashboard_qr_png(request: Request, context: Context, session: MerchantSession) -> Response:
    """The same code as a PNG (to print or to send to a printer shop)."""
    url = _merchant_code(request, context, session.user.merchant_id or "")
    return Response(qr_png(url), media_type="image/png", headers={
        "Content-Disposition": 'attachment; filename="paysetu-qr.png"',
        "Cache-Control": "no-store"})
