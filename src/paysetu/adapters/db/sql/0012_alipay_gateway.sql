-- Alipay-compatible gateway: apps, trades, notifications (reserved: the work that owns this migration fills it in)
SELECT 1;
