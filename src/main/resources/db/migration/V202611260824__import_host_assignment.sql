-- A host the user assigned to a unit: later imports of the operator match it without asking again.
CREATE TABLE import_host_assignment (
    id               ${id_pk},
    organisation_id  BIGINT        NOT NULL,
    host             VARCHAR(255)  NOT NULL,
    unit_id          BIGINT        NOT NULL,
    assigned_by      VARCHAR(100)  NOT NULL,
    assigned_at      ${ts}         NOT NULL,
    CONSTRAINT uk_import_host_assignment UNIQUE (organisation_id, host),
    CONSTRAINT fk_import_host_assignment_unit FOREIGN KEY (unit_id) REFERENCES network_unit (id)
);
