-- Sign-in throttling in place of the account lock (issue 14, item 3): the next allowed attempt per key (an account,
-- a source address, a browser known to an account, an account's second factor), shared by every node.
CREATE TABLE sign_in_throttle (
    throttle_key     VARCHAR(200) NOT NULL,
    failures         INT          NOT NULL,
    last_failure_at  ${ts}        NOT NULL,
    next_attempt_at  ${ts},
    CONSTRAINT pk_sign_in_throttle PRIMARY KEY (throttle_key)
);
CREATE INDEX ix_sign_in_throttle_last ON sign_in_throttle (last_failure_at);

-- Browsers that completed a sign-in to an account (the SHA-256 of the random value of their cookie): their
-- attempts are throttled on their own key, never by failures from elsewhere.
CREATE TABLE sign_in_known_source (
    user_id       BIGINT      NOT NULL,
    token_hash    VARCHAR(64) NOT NULL,
    created_at    ${ts}       NOT NULL,
    last_used_at  ${ts}       NOT NULL,
    CONSTRAINT pk_sign_in_known_source PRIMARY KEY (user_id, token_hash),
    CONSTRAINT fk_sign_in_known_source_user FOREIGN KEY (user_id) REFERENCES user_account (id)
);

-- Failed sign-in attempts on an existing account, shown to its owner (time, source, whether throttled).
CREATE TABLE sign_in_failure (
    id              ${id_pk},
    user_id         BIGINT      NOT NULL,
    occurred_at     ${ts}       NOT NULL,
    source_address  VARCHAR(64) NOT NULL,
    throttled       BOOLEAN     NOT NULL,
    seen            BOOLEAN     NOT NULL,
    CONSTRAINT fk_sign_in_failure_user FOREIGN KEY (user_id) REFERENCES user_account (id)
);
CREATE INDEX ix_sign_in_failure_user ON sign_in_failure (user_id, occurred_at);

-- Nothing is locked any more: the old locks end now, and with them the suspension of the accounts' API tokens.
UPDATE user_account SET locked_until = NULL, failed_attempts = 0 WHERE locked_until IS NOT NULL OR failed_attempts <> 0;
