-- Web pages: users with hashed passwords, sessions, CSRF (reserved: the work that owns this migration fills it in)
SELECT 1;
