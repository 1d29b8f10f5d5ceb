-- Lending close of day: accrual, DPD and asset classification, provisioning, write-off, refinance claims (reserved: the work that owns this migration fills it in)
SELECT 1;
