-- After a security change (a factor added or removed, a contact changed),
-- withdrawals are held until this time.
ALTER TABLE users ADD COLUMN security_hold_until BIGINT;
