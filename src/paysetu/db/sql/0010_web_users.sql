-- paysetu web pages (applied by Alembic revision 0010): the people who sign in to the
-- dashboard, their server-side sessions, and the failed-login counters of the login throttle.
-- Passwords are stored only as argon2id PHC strings, session tokens only as SHA-256 digests.

CREATE TABLE web_users (
    id text PRIMARY KEY CHECK (id ~ '^usr_[A-Za-z0-9]+$'),
    email text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    role text NOT NULL CHECK (role IN ('merchant', 'lender', 'admin')),
    merchant_id text REFERENCES merchants (id),
    lender_id text REFERENCES lenders (id),
    password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    created_at timestamptz NOT NULL,
    -- the scope matches the role: a merchant user sees one merchant, a lender user one lender
    CHECK ((role = 'merchant') = (merchant_id IS NOT NULL)),
    CHECK ((role = 'lender') = (lender_id IS NOT NULL))
);

CREATE TABLE web_sessions (
    token_sha256 bytea PRIMARY KEY CHECK (length(token_sha256) = 32),
    user_id text NOT NULL REFERENCES web_users (id) ON DELETE CASCADE,
    csrf_token text NOT NULL CHECK (length(csrf_token) >= 32),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX web_sessions_expiry ON web_sessions (expires_at);

-- One row per (email, client address) with failures since the last successful login; the
-- email need not belong to a user (guessing unknown emails is throttled the same way).
CREATE TABLE web_login_failures (
    email text NOT NULL CHECK (length(email) BETWEEN 1 AND 254),
    client_address text NOT NULL CHECK (length(client_address) BETWEEN 1 AND 64),
    failures integer NOT NULL CHECK (failures > 0),
    last_failed_at timestamptz NOT NULL,
    PRIMARY KEY (email, client_address)
);
