-- An observed service the unit's filing does not declare (备案不符): OPEN until the operator declares it in a
-- change filing (DECLARED) or opens a finding on it (FINDING_OPENED); SETTLED once an accepted filing declares it.
-- organisation_id and unit_id repeat the service's so that per-operator counts and the unit page need no join.
CREATE TABLE service_discrepancy (
    id                   ${id_pk},
    observed_service_id  BIGINT        NOT NULL,
    organisation_id      BIGINT        NOT NULL,
    unit_id              BIGINT        NOT NULL,
    state                VARCHAR(20)   NOT NULL,
    opened_at            ${ts}         NOT NULL,
    opened_import_id     BIGINT        NOT NULL,
    declared_version_no  INT,
    finding_id           BIGINT,
    decided_by           VARCHAR(100),
    decided_at           ${ts},
    settled_at           ${ts},
    version              INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_service_discrepancy_service UNIQUE (observed_service_id),
    CONSTRAINT fk_service_discrepancy_service FOREIGN KEY (observed_service_id) REFERENCES observed_service (id)
);
-- Regulators' counts per operator (jurisdiction on organisation_id first), and a unit's list by state.
CREATE INDEX ix_service_discrepancy_organisation ON service_discrepancy (organisation_id, state);
CREATE INDEX ix_service_discrepancy_unit ON service_discrepancy (unit_id, state, id);
