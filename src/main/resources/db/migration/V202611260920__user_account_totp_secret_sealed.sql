-- TOTP secrets are sealed at rest (AES-256-GCM, see TotpSecretSeal); a sealed value is longer than the clear one.
-- Clear-text secrets of earlier installations move to the new column as they are; the application seals them at
-- start-up (TotpSecretSealing), recognising sealed values by their "v1:" marker.
ALTER TABLE user_account ADD COLUMN totp_secret_sealed VARCHAR(200);
UPDATE user_account SET totp_secret_sealed = totp_secret;
ALTER TABLE user_account DROP COLUMN totp_secret;
