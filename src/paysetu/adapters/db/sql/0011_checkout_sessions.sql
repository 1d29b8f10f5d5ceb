-- Hosted checkout sessions (reserved: the work that owns this migration fills it in)
SELECT 1;
