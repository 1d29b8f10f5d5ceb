-- paysetu FX (applied by Alembic revision 0004): the manual mid-rate table, FX quotes, and the
-- buyer-side (presentment) amounts of cross-border payments and refunds. Money still lives only
-- in the ledger: a quote fixes amounts and a rate, the ledger entries of the payment move them.

-- Manual mid rates (CSV via `paysetu fx rates load` or POST /v1/fx_rates). One rate per pair and
-- day; loading the same pair and day again replaces it. `rate` is units of quote_currency per
-- one unit of base_currency, in major units, exact (numeric without a scale).
CREATE TABLE fx_rates (
    base_currency char(3) NOT NULL CHECK (base_currency ~ '^[A-Z]{3}$'),
    quote_currency char(3) NOT NULL CHECK (quote_currency ~ '^[A-Z]{3}$'),
    as_of date NOT NULL,
    rate numeric NOT NULL CHECK (rate > 0),
    source text NOT NULL CHECK (length(source) BETWEEN 1 AND 64),
    loaded_at timestamptz NOT NULL,
    PRIMARY KEY (base_currency, quote_currency, as_of),
    CHECK (base_currency <> quote_currency)
);

-- A quote: the buyer sells sell_currency, the merchant receives buy_currency. status 'open'
-- until a payment references it ('used', once: payment_id is unique); an open quote past
-- expires_at reads as 'expired' (nothing needs to write that).
CREATE TABLE fx_quotes (
    id text PRIMARY KEY CHECK (id ~ '^quo_'),
    merchant_id text REFERENCES merchants (id),        -- NULL: a platform quote
    sell_currency char(3) NOT NULL CHECK (sell_currency ~ '^[A-Z]{3}$'),
    buy_currency char(3) NOT NULL CHECK (buy_currency ~ '^[A-Z]{3}$'),
    sell_amount_minor bigint NOT NULL CHECK (sell_amount_minor > 0),
    buy_amount_minor bigint NOT NULL CHECK (buy_amount_minor > 0),
    fixed_side text NOT NULL CHECK (fixed_side IN ('sell', 'buy')),
    mid_rate numeric NOT NULL CHECK (mid_rate > 0),
    spread_bps integer NOT NULL CHECK (spread_bps BETWEEN 0 AND 9999),
    customer_rate numeric NOT NULL CHECK (customer_rate > 0 AND customer_rate <= mid_rate),
    rate_as_of date NOT NULL,
    rate_source text NOT NULL,
    status text NOT NULL CHECK (status IN ('open', 'used')),
    payment_id text UNIQUE REFERENCES payments (id),
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    CHECK (sell_currency <> buy_currency),
    CHECK ((status = 'used') = (payment_id IS NOT NULL)),
    CHECK (expires_at > created_at)
);
CREATE INDEX fx_quotes_merchant ON fx_quotes (merchant_id, id);

-- A cross-border payment: amount_minor/currency stay the merchant's price; the buyer's wallet
-- paid presentment_amount_minor in presentment_currency at the quote's rate.
ALTER TABLE payments ADD COLUMN fx_quote_id text REFERENCES fx_quotes (id);
ALTER TABLE payments ADD COLUMN presentment_amount_minor bigint
    CHECK (presentment_amount_minor > 0);
ALTER TABLE payments ADD COLUMN presentment_currency char(3);
ALTER TABLE payments ADD CONSTRAINT payments_fx_complete CHECK (
    (fx_quote_id IS NULL) = (presentment_amount_minor IS NULL)
    AND (fx_quote_id IS NULL) = (presentment_currency IS NULL)
);
CREATE UNIQUE INDEX payments_one_per_quote ON payments (fx_quote_id)
    WHERE fx_quote_id IS NOT NULL;

-- A refund of a cross-border payment returns this much of the buyer's currency (pro rata,
-- rounded cumulatively: a tiny partial refund may return 0, a later one the remainder).
ALTER TABLE refunds ADD COLUMN presentment_amount_minor bigint
    CHECK (presentment_amount_minor >= 0);
ALTER TABLE refunds ADD COLUMN presentment_currency char(3);
ALTER TABLE refunds ADD CONSTRAINT refunds_fx_complete
    CHECK ((presentment_amount_minor IS NULL) = (presentment_currency IS NULL));
