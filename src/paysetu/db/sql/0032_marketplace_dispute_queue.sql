-- The platform's dispute queue (/admin/disputes) reads the disputed shares, longest frozen
-- first. Disputes are few among many shares: a partial index keeps that read off a scan of
-- every share.
CREATE INDEX marketplace_shares_disputed ON marketplace_shares (updated_at, id)
    WHERE status = 'disputed';
