-- paysetu lending portfolio history (applied by Alembic revision 0013): what each close of
-- business found, per lender, category and currency, so the lender console can chart the book
-- and its PAR / NPA ratios over time. Written by the close-of-business run in its own
-- transaction (a replayed day writes nothing), never updated: a closed day's book is history.
-- Days closed before this migration have no rows (their loans' figures were not kept).

CREATE TABLE lending_portfolio_days (
    business_date date NOT NULL REFERENCES lending_close_days (business_date),
    lender_id text NOT NULL REFERENCES lenders (id),
    category text NOT NULL CHECK (category IN ('shishu', 'kishore', 'tarun', 'tarun_plus')),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    loans integer NOT NULL CHECK (loans > 0),
    outstanding_minor bigint NOT NULL CHECK (outstanding_minor >= 0),
    par_30_minor bigint NOT NULL,
    par_60_minor bigint NOT NULL,
    par_90_minor bigint NOT NULL,
    npa_minor bigint NOT NULL CHECK (npa_minor BETWEEN 0 AND outstanding_minor),
    provisions_minor bigint NOT NULL CHECK (provisions_minor >= 0),
    PRIMARY KEY (business_date, lender_id, currency, category),
    -- loans 90 days late are 60 and 30 days late too
    CHECK (0 <= par_90_minor AND par_90_minor <= par_60_minor AND par_60_minor <= par_30_minor
           AND par_30_minor <= outstanding_minor)
);
-- A lender's history over a range of days.
CREATE INDEX lending_portfolio_days_lender ON lending_portfolio_days (lender_id, business_date);
