-- A user's consecutive failures on challenges the integrator opened with its
-- service key (every challenge but a support join's, which a customer opens
-- without one). `failed_attempts` still counts every failure and drives the
-- temporary lock; only these count toward the permanent lock, so that
-- nobody can lock an account for good through the keyless support side.
-- Reset with `failed_attempts` (an approval, an operator's unlock), so it is
-- never above it.
ALTER TABLE users ADD COLUMN keyed_failures BIGINT NOT NULL DEFAULT 0;
