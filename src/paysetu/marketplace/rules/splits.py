"""How an order's amount splits into seller shares, commission and tax withheld.

Commission, per line, by precedence: the line's category's commission on the marketplace, else
the seller's own commission in this marketplace, else the marketplace's default. A line's
commission is ``amount * bps / 10,000`` rounded half-up plus the fixed part, never more than
the line. A share (one seller's lines) adds its lines' commissions; its GST TCS and TDS are
computed once on the share (:mod:`.tax`); the seller's net is the remainder
``amount - commission - tcs - tds``, so nothing is lost to rounding: every minor unit is
either the seller's, the marketplace's or the tax authority's.

Returns split *cumulatively* (:func:`return_split`): after returns totalling ``R`` of a share
of ``A``, the seller has borne ``floor(S * R / A)``, where ``S`` is what the seller bears of the
whole share (its net, plus the commission when the marketplace keeps commission on returns);
the rest of each return goes back out of the tax withheld (TCS, then TDS) and, when the policy
returns it, the commission: each part first up to its pro-rata share rounded up
(``ceil(P * R / A)``), then, for what is left, in that order, never above the part. So every
part only grows, never exceeds itself, the seller never bears more than ``S``, and a share
returned in full gives back exactly every part.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from paysetu.marketplace.rules.records import Commission, Marketplace, OrderLine
from paysetu.marketplace.rules.tax import bps_of


@dataclass(frozen=True, slots=True)
class ShareSplit:
    seller_id: str
    amount_minor: int
    commission_minor: int
    tcs_minor: int
    tds_minor: int
    lines: tuple[OrderLine, ...]

    @property
    def net_minor(self) -> int:
        return self.amount_minor - self.commission_minor - self.tcs_minor - self.tds_minor


@dataclass(frozen=True, slots=True)
class TaxRates:
    """The rates withheld from one seller on one day (0 and 0 when the rules do not apply)."""

    tcs_bps: int
    tds_bps: int


def line_commission(
    marketplace: Marketplace, seller_commission: Commission | None, line: OrderLine
) -> int:
    rule = (
        (marketplace.category_commissions.get(line.category) if line.category is not None else None)
        or seller_commission
        or marketplace.commission
    )
    return min(line.amount_minor, bps_of(line.amount_minor, rule.bps) + rule.fixed_minor)


def split_order(
    marketplace: Marketplace,
    lines: Sequence[OrderLine],
    seller_commissions: Mapping[str, Commission | None],
    tax_rates: Mapping[str, TaxRates],
) -> list[ShareSplit]:
    """One share per seller, in the order sellers first appear in ``lines``."""
    by_seller: dict[str, list[OrderLine]] = {}
    for line in lines:
        by_seller.setdefault(line.seller_id, []).append(line)
    shares = []
    for seller_id, own in by_seller.items():
        amount = sum(line.amount_minor for line in own)
        commission = sum(
            line_commission(marketplace, seller_commissions[seller_id], line) for line in own
        )
        rates = tax_rates[seller_id]
        shares.append(
            ShareSplit(
                seller_id,
                amount,
                commission,
                bps_of(amount, rates.tcs_bps),
                bps_of(amount, rates.tds_bps),
                tuple(own),
            )
        )
    return shares


def return_split(
    share_minor: int, seller_minor: int, parts_minor: Sequence[int], given_minor: Sequence[int],
    returned_before: int, returning: int,
) -> tuple[int, list[int]]:
    """``(seller's part, what each part gives back)`` of a return of ``returning`` (the module's
    cumulative rule); ``given_minor`` is what each part gave back in earlier returns."""
    after = returned_before + returning
    seller = seller_minor * after // share_minor - seller_minor * returned_before // share_minor
    left = returning - seller
    back = [0] * len(parts_minor)
    for index, (part, given) in enumerate(zip(parts_minor, given_minor, strict=True)):
        target = -(-part * after // share_minor)  # ceil
        back[index] = min(left, max(0, target - given))
        left -= back[index]
    for index, (part, given) in enumerate(zip(parts_minor, given_minor, strict=True)):
        extra = min(left, part - given - back[index])
        back[index] += extra
        left -= extra
    return seller, back
