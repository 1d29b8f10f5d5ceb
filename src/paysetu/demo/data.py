"""A small chart of accounts and a day of activity, with fixed ids so loading twice is a no-op.

Tells the story of the three products on one ledger: a customer tops up a wallet and pays a
merchant (fee to the platform), a buyer in China pays the same merchant in CNY through the FX
liquidity accounts (one entry balanced per currency), and a card-style authorisation is held
as a pending entry.
"""

from __future__ import annotations

from paysetu.ledger.rules.entries import AccountKind, Direction, NewAccount, NewEntry, Posting

D, C = Direction.DEBIT, Direction.CREDIT


def demo_accounts() -> list[NewAccount]:
    return [
        NewAccount(
            "acct_demo_bank_inr",
            "INR",
            AccountKind.ASSET,
            owner_type="platform",
            owner_id="paysetu",
        ),
        NewAccount(
            "acct_demo_bank_cny",
            "CNY",
            AccountKind.ASSET,
            owner_type="platform",
            owner_id="paysetu",
        ),
        NewAccount(
            "acct_demo_fx_inr", "INR", AccountKind.EQUITY, owner_type="platform", owner_id="paysetu"
        ),
        NewAccount(
            "acct_demo_fx_cny", "CNY", AccountKind.EQUITY, owner_type="platform", owner_id="paysetu"
        ),
        NewAccount(
            "acct_demo_fee_income",
            "INR",
            AccountKind.INCOME,
            owner_type="platform",
            owner_id="paysetu",
        ),
        NewAccount(
            "acct_demo_wallet_asha",
            "INR",
            AccountKind.LIABILITY,
            owner_type="customer",
            owner_id="cus_demo_asha",
            debits_must_not_exceed_credits=True,
        ),
        NewAccount(
            "acct_demo_wallet_liwei",
            "CNY",
            AccountKind.LIABILITY,
            owner_type="customer",
            owner_id="cus_demo_liwei",
            debits_must_not_exceed_credits=True,
        ),
        NewAccount(
            "acct_demo_merchant_chai",
            "INR",
            AccountKind.LIABILITY,
            owner_type="merchant",
            owner_id="mer_demo_chai_point",
            debits_must_not_exceed_credits=True,
        ),
    ]


def demo_entries() -> list[NewEntry]:
    return [
        NewEntry(
            "je_demo_topup_asha",
            (
                Posting("acct_demo_bank_inr", D, 500_000, "INR"),
                Posting("acct_demo_wallet_asha", C, 500_000, "INR"),
            ),
            {"kind": "top_up"},
        ),
        NewEntry(
            "je_demo_topup_liwei",
            (
                Posting("acct_demo_bank_cny", D, 100_000, "CNY"),
                Posting("acct_demo_wallet_liwei", C, 100_000, "CNY"),
            ),
            {"kind": "top_up"},
        ),
        NewEntry(
            "je_demo_pay_chai",
            (
                Posting("acct_demo_wallet_asha", D, 12_000, "INR"),
                Posting("acct_demo_merchant_chai", C, 11_760, "INR"),
                Posting("acct_demo_fee_income", C, 240, "INR"),
            ),
            {"kind": "payment", "order": "chai-42"},
        ),
        # 50.00 CNY at 11.80 INR/CNY buys 590.00 INR of tea; each currency balances on its own.
        NewEntry(
            "je_demo_crossborder_chai",
            (
                Posting("acct_demo_wallet_liwei", D, 5_000, "CNY"),
                Posting("acct_demo_fx_cny", C, 5_000, "CNY"),
                Posting("acct_demo_fx_inr", D, 59_000, "INR"),
                Posting("acct_demo_merchant_chai", C, 59_000, "INR"),
            ),
            {"kind": "cross_border_payment", "order": "chai-43"},
        ),
        NewEntry(
            "je_demo_auth_asha",
            (
                Posting("acct_demo_wallet_asha", D, 25_000, "INR"),
                Posting("acct_demo_merchant_chai", C, 25_000, "INR"),
            ),
            {"kind": "authorisation"},
            pending=True,
        ),
    ]
