-- paysetu customer consent (applied by Alembic revision 0018): a customer signs in with a
-- mobile number and a one-time code, approves debits with a payment PIN, and may give a
-- merchant a mandate. Codes, PINs and session tokens are never stored in clear: codes as
-- HMAC-SHA256 digests under a per-code salt, PINs as argon2id PHC strings, tokens as SHA-256.

ALTER TABLE customers ADD COLUMN phone_e164 text UNIQUE
    CHECK (phone_e164 ~ '^\+[1-9][0-9]{6,14}$');

-- One active code per number: a new code replaces the old row.
CREATE TABLE customer_sign_in_codes (
    phone_e164 text PRIMARY KEY CHECK (phone_e164 ~ '^\+[1-9][0-9]{6,14}$'),
    salt bytea NOT NULL CHECK (length(salt) >= 16),
    code_digest bytea NOT NULL CHECK (length(code_digest) = 32),
    tries integer NOT NULL DEFAULT 0 CHECK (tries >= 0),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
);

-- Fixed-window counters of code requests, per number ('phone:+91...') and per client address
-- ('address:203.0.113.9'); one upsert both counts and decides, under the row's lock.
CREATE TABLE customer_code_requests (
    throttle_key text PRIMARY KEY CHECK (length(throttle_key) BETWEEN 1 AND 100),
    window_started_at timestamptz NOT NULL,
    requests integer NOT NULL CHECK (requests > 0)
);

CREATE TABLE customer_sessions (
    token_sha256 bytea PRIMARY KEY CHECK (length(token_sha256) = 32),
    customer_id text NOT NULL REFERENCES customers (id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX customer_sessions_customer ON customer_sessions (customer_id);

CREATE TABLE customer_pins (
    customer_id text PRIMARY KEY REFERENCES customers (id),
    pin_hash text NOT NULL CHECK (pin_hash LIKE '$argon2id$%'),
    failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
    locked_until timestamptz,
    updated_at timestamptz NOT NULL
);

-- The SMS outbox: what the default SMS adapter "sends" (`paysetu run` prints new rows).
CREATE TABLE sms_outbox (
    id text PRIMARY KEY,
    phone_e164 text NOT NULL,
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 480),
    created_at timestamptz NOT NULL,
    shown_at timestamptz
);
CREATE INDEX sms_outbox_unshown ON sms_outbox (created_at) WHERE shown_at IS NULL;

CREATE TABLE mandates (
    id text PRIMARY KEY CHECK (id ~ '^man_[A-Za-z0-9]+$'),
    merchant_id text NOT NULL REFERENCES merchants (id),
    customer_id text NOT NULL REFERENCES customers (id),
    wallet_id text NOT NULL REFERENCES wallets (id),
    currency char(3) NOT NULL,
    amount_max_minor bigint NOT NULL CHECK (amount_max_minor > 0),
    frequency text NOT NULL CHECK (frequency IN ('as_presented', 'daily', 'weekly', 'monthly',
                                                 'yearly')),
    purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 200),
    valid_until timestamptz NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'active', 'paused', 'revoked',
                                           'refused', 'expired')),
    last_debit_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK (valid_until > created_at)
);
CREATE INDEX mandates_merchant ON mandates (merchant_id, id);
CREATE INDEX mandates_customer ON mandates (customer_id, id);

-- Pre-debit notifications: one per upcoming debit, consumed by the payment that uses it.
CREATE TABLE mandate_notices (
    id text PRIMARY KEY,
    mandate_id text NOT NULL REFERENCES mandates (id),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    debit_after timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    payment_id text UNIQUE REFERENCES payments (id),
    CHECK (debit_after >= created_at)
);
CREATE INDEX mandate_notices_open ON mandate_notices (mandate_id, debit_after)
    WHERE payment_id IS NULL;

ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN (
    'requires_confirmation', 'requires_action', 'requires_capture', 'succeeded', 'failed',
    'canceled'));
-- How the payer agreed to the debit: operator (platform key, with a reason), mandate,
-- customer (approved with the PIN) or buyer (paid on a hosted page or with a payment code).
ALTER TABLE payments ADD COLUMN consent text
    CHECK (consent IN ('operator', 'mandate', 'customer', 'buyer'));
ALTER TABLE payments ADD COLUMN operator_reason text
    CHECK (operator_reason IS NULL OR length(operator_reason) BETWEEN 1 AND 500);
ALTER TABLE payments ADD COLUMN mandate_id text REFERENCES mandates (id);
ALTER TABLE payments ADD COLUMN action_expires_at timestamptz;
ALTER TABLE payments ADD COLUMN action_reason text
    CHECK (action_reason IN ('no_mandate', 'above_mandate_threshold'));
ALTER TABLE payments ADD CONSTRAINT payments_action_expiry
    CHECK (status <> 'requires_action' OR action_expires_at IS NOT NULL);
CREATE INDEX payments_open_actions ON payments (action_expires_at)
    WHERE status = 'requires_action';
CREATE INDEX payments_customer_actions ON payments (customer_id, id)
    WHERE status = 'requires_action';
