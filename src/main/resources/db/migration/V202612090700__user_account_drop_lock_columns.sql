-- The account lock (five wrong passwords -> 15 minutes) was replaced by sign-in throttling (sign_in_throttle,
-- docs/adr/0006): nothing has set these columns since, and nothing reads them any more.
ALTER TABLE user_account DROP COLUMN failed_attempts;
ALTER TABLE user_account DROP COLUMN locked_until;
