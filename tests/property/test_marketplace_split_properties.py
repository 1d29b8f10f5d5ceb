"""Any share returned in any sequence of pieces: the parts only grow, never exceed themselves,
the seller never bears more than its total, and a full return gives back exactly every part."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from paysetu.marketplace.rules.splits import return_split


@st.composite
def shares_and_returns(draw: st.DrawFn) -> tuple[int, list[int], list[int]]:
    amount = draw(st.integers(1, 10**9))
    parts = []
    left = amount
    for _ in range(draw(st.integers(1, 3))):
        part = draw(st.integers(0, left))
        parts.append(part)
        left -= part
    cuts = sorted(draw(st.sets(st.integers(1, amount - 1), max_size=6))) if amount > 1 else []
    bounds = [0, *cuts, amount]
    pieces = [b - a for a, b in itertools.pairwise(bounds)]
    return amount, parts, pieces


@given(shares_and_returns())
def test_cumulative_return_split(case: tuple[int, list[int], list[int]]) -> None:
    amount, parts, pieces = case
    seller_total = amount - sum(parts)
    given_back = [0] * len(parts)
    seller_borne = 0
    returned = 0
    for piece in pieces:
        seller, back = return_split(amount, seller_total, parts, given_back, returned, piece)
        assert seller >= 0
        assert all(b >= 0 for b in back)
        assert seller + sum(back) == piece
        given_back = [g + b for g, b in zip(given_back, back, strict=True)]
        assert all(g <= p for g, p in zip(given_back, parts, strict=True))
        seller_borne += seller
        returned += piece
        assert seller_borne == seller_total * returned // amount
    assert given_back == parts
    assert seller_borne == seller_total
