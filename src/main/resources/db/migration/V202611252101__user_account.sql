-- Accounts, their roles, and personal API tokens.
CREATE TABLE user_account (
    id                    ${id_pk},
    username              VARCHAR(64)  NOT NULL,
    display_name          VARCHAR(100) NOT NULL,
    password_hash         VARCHAR(200) NOT NULL,
    organisation_id       BIGINT       NOT NULL,
    enabled               BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password  BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts       INT          NOT NULL DEFAULT 0,
    locked_until          ${ts},
    totp_secret           VARCHAR(64),
    mfa_enrolled          BOOLEAN      NOT NULL DEFAULT FALSE,
    last_sign_in_at       ${ts},
    password_changed_at   ${ts},
    created_at            ${ts}        NOT NULL,
    version               INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_user_account_username UNIQUE (username),
    CONSTRAINT fk_user_account_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_user_account_organisation ON user_account (organisation_id);

CREATE TABLE user_role (
    user_id   BIGINT      NOT NULL,
    role      VARCHAR(40) NOT NULL,
    CONSTRAINT pk_user_role PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES user_account (id)
);

CREATE TABLE api_token (
    id            ${id_pk},
    user_id       BIGINT       NOT NULL,
    name          VARCHAR(100) NOT NULL,
    token_prefix  VARCHAR(16)  NOT NULL,
    token_hash    VARCHAR(64)  NOT NULL,
    created_at    ${ts}        NOT NULL,
    expires_at    ${ts}        NOT NULL,
    revoked_at    ${ts},
    last_used_at  ${ts},
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES user_account (id)
);
CREATE INDEX ix_api_token_user ON api_token (user_id);
