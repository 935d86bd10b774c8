-- Services a scanner saw on a unit's hosts (暴露面: 已观测服务): an open port and what answered there, kept per
-- unit, host, port and protocol with when and by which import it was first and last seen. Informational scan
-- items land here rather than in the findings register.
CREATE TABLE observed_service (
    id               ${id_pk},
    organisation_id  BIGINT        NOT NULL,
    unit_id          BIGINT        NOT NULL,
    host             VARCHAR(255)  NOT NULL,
    port             INT           NOT NULL,
    protocol         VARCHAR(10)   NOT NULL,
    service_name     VARCHAR(100),
    product          VARCHAR(200),
    product_version  VARCHAR(100),
    first_seen_at    ${ts}         NOT NULL,
    last_seen_at     ${ts}         NOT NULL,
    first_import_id  BIGINT        NOT NULL,
    last_import_id   BIGINT        NOT NULL,
    CONSTRAINT uk_observed_service UNIQUE (unit_id, host, port, protocol),
    CONSTRAINT fk_observed_service_unit FOREIGN KEY (unit_id) REFERENCES network_unit (id),
    CONSTRAINT fk_observed_service_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
-- The unit page reads by the unique key (unit, host, port); an import's discrepancy pass by unit and import.
CREATE INDEX ix_observed_service_unit_import ON observed_service (unit_id, last_import_id, id);
