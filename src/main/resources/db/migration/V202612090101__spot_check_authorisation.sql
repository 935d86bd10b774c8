-- The operator's written authorisation (授权书) of remote penetration or code testing: scope, window, contacts, the
-- signed letter (type sniffed, size limited) and the operator's confirmation of the window.
CREATE TABLE spot_check_authorisation (
    id                  ${id_pk},
    check_id            BIGINT        NOT NULL,
    method              VARCHAR(30)   NOT NULL,
    scope_text          VARCHAR(4000) NOT NULL,
    window_from         ${ts}         NOT NULL,
    window_until        ${ts}         NOT NULL,
    team_contact        VARCHAR(200)  NOT NULL,
    operator_contact    VARCHAR(200)  NOT NULL,
    letter_name         VARCHAR(200)  NOT NULL,
    letter_type         VARCHAR(50)   NOT NULL,
    letter_size         INT           NOT NULL,
    letter_sha256       VARCHAR(64)   NOT NULL,
    letter              ${blob}       NOT NULL,
    recorded_by         VARCHAR(100)  NOT NULL,
    recorded_at         ${ts}         NOT NULL,
    confirmed_by        VARCHAR(100),
    confirmed_at        ${ts},
    CONSTRAINT fk_spot_check_authorisation FOREIGN KEY (check_id) REFERENCES spot_check (id)
);
CREATE INDEX ix_spot_check_authorisation ON spot_check_authorisation (check_id, method);
