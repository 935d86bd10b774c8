-- The last TOTP time step accepted for each account, so that a code cannot be used twice (replay).
ALTER TABLE user_account ADD COLUMN totp_last_step BIGINT;
