-- Single-use recovery codes for the second factor: only the SHA-256 of each code (80 random bits), never the code.
CREATE TABLE mfa_recovery_code (
    id          ${id_pk},
    user_id     BIGINT      NOT NULL,
    code_hash   VARCHAR(64) NOT NULL,
    created_at  ${ts}       NOT NULL,
    used_at     ${ts},
    CONSTRAINT uk_mfa_recovery_code UNIQUE (user_id, code_hash),
    CONSTRAINT fk_mfa_recovery_code_user FOREIGN KEY (user_id) REFERENCES user_account (id)
);
