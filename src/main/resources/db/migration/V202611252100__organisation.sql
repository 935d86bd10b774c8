-- Organisations (单位) of every kind: the Ministry bureau, provincial administrations, operators,
-- testing agencies and other departments.
CREATE TABLE organisation (
    id                  ${id_pk},
    type                VARCHAR(40)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    credit_code         VARCHAR(18)  NOT NULL,
    province_code       VARCHAR(6),
    licence_number      VARCHAR(40),
    licence_cross_regional BOOLEAN   NOT NULL DEFAULT FALSE,
    parent_id           BIGINT,
    contact_name        VARCHAR(100),
    contact_phone       VARCHAR(40),
    created_at          ${ts}        NOT NULL,
    version             INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_organisation_credit_code UNIQUE (credit_code),
    CONSTRAINT uk_organisation_licence UNIQUE (licence_number),
    CONSTRAINT fk_organisation_parent FOREIGN KEY (parent_id) REFERENCES organisation (id)
);
CREATE INDEX ix_organisation_province ON organisation (province_code);
CREATE INDEX ix_organisation_parent ON organisation (parent_id);
