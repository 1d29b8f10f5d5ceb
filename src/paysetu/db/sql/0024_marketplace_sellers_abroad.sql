-- A seller whose currency differs from the order's is paid in its own: the share records the
-- currency its hold, balance and payouts are in, its net converted at the rate locked when the
-- order was paid, and that rate (docs/marketplace.md, "Sellers abroad"). held_minor is in the
-- payout currency; for a seller in the order's currency nothing changes.
ALTER TABLE marketplace_shares
    ADD COLUMN payout_currency char(3),
    ADD COLUMN payout_net_minor bigint CHECK (payout_net_minor >= 0),
    ADD COLUMN fx_rate numeric CHECK (fx_rate > 0);
UPDATE marketplace_shares SET payout_currency = currency, payout_net_minor = net_minor;
ALTER TABLE marketplace_shares
    ALTER COLUMN payout_currency SET NOT NULL,
    ALTER COLUMN payout_net_minor SET NOT NULL,
    ADD CHECK (payout_currency ~ '^[A-Z]{3}$'),
    ADD CHECK ((fx_rate IS NULL) OR (payout_currency <> currency));
-- the hold is in the payout currency now: it is bounded by the converted net
DO $$
DECLARE
    v_name text;
BEGIN
    SELECT conname INTO v_name FROM pg_constraint
    WHERE conrelid = 'marketplace_shares'::regclass AND contype = 'c'
      AND pg_get_constraintdef(oid) = 'CHECK ((held_minor <= net_minor))';
    EXECUTE format('ALTER TABLE marketplace_shares DROP CONSTRAINT %I', v_name);
END
$$;
ALTER TABLE marketplace_shares ADD CHECK (held_minor <= payout_net_minor);
