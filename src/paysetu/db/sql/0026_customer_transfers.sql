-- paysetu person-to-person money (applied by Alembic revision 0026): a customer sends money to
-- another customer by mobile number, or asks for it with a money request the payer approves
-- with the PIN. The money moves as one ledger entry between the two wallets (the wallets'
-- transfer); these rows say who sent it to whom and why, and make a send idempotent.

CREATE TABLE customer_transfers (
    id text PRIMARY KEY CHECK (id ~ '^ctr_[A-Za-z0-9]+$'),
    payer_customer_id text NOT NULL REFERENCES customers (id),
    payee_customer_id text NOT NULL REFERENCES customers (id),
    payer_wallet_id text NOT NULL REFERENCES wallets (id),
    payee_wallet_id text NOT NULL REFERENCES wallets (id),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency char(3) NOT NULL,
    note text CHECK (note IS NULL OR length(note) BETWEEN 1 AND 140),
    entry_id text NOT NULL,
    money_request_id text,
    -- the payer's Idempotency-Key and what it was sent with (the same key with another
    -- request is refused)
    idempotency_key text CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 255),
    request_fingerprint text,
    created_at timestamptz NOT NULL,
    CHECK (payer_customer_id <> payee_customer_id),
    UNIQUE (payer_customer_id, idempotency_key)
);
CREATE INDEX customer_transfers_payer ON customer_transfers (payer_customer_id, id);
CREATE INDEX customer_transfers_payee ON customer_transfers (payee_customer_id, id);

CREATE TABLE money_requests (
    id text PRIMARY KEY CHECK (id ~ '^mrq_[A-Za-z0-9]+$'),
    requester_customer_id text NOT NULL REFERENCES customers (id),
    payer_customer_id text NOT NULL REFERENCES customers (id),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency char(3) NOT NULL,
    note text CHECK (note IS NULL OR length(note) BETWEEN 1 AND 140),
    status text NOT NULL CHECK (status IN ('pending', 'paid', 'declined', 'canceled',
                                           'expired')),
    expires_at timestamptz NOT NULL,
    transfer_id text UNIQUE REFERENCES customer_transfers (id),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK (requester_customer_id <> payer_customer_id),
    CHECK (expires_at > created_at),
    CHECK ((status = 'paid') = (transfer_id IS NOT NULL))
);
CREATE INDEX money_requests_payer ON money_requests (payer_customer_id, id);
CREATE INDEX money_requests_requester ON money_requests (requester_customer_id, id);
CREATE INDEX money_requests_open ON money_requests (expires_at) WHERE status = 'pending';
