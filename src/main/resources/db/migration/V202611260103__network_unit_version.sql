-- Every version of a unit's filing, never deleted: its content as a JSON snapshot, its state, who
-- created, submitted and decided it and when, and the reasons of a return.
CREATE TABLE network_unit_version (
    id                       ${id_pk},
    unit_id                  BIGINT       NOT NULL,
    version_no               INT          NOT NULL,
    filing_state             VARCHAR(20)  NOT NULL,
    filing_kind              VARCHAR(20)  NOT NULL,
    snapshot                 ${clob}      NOT NULL,
    authority_province_code  VARCHAR(6),
    created_by               VARCHAR(64)  NOT NULL,
    created_at               ${ts}        NOT NULL,
    submitted_by             VARCHAR(64),
    submitted_at             ${ts},
    decided_by               VARCHAR(64),
    decided_at               ${ts},
    decision_reasons         ${clob},
    filing_number            VARCHAR(40),
    CONSTRAINT uk_network_unit_version UNIQUE (unit_id, version_no),
    CONSTRAINT fk_network_unit_version_unit FOREIGN KEY (unit_id) REFERENCES network_unit (id)
);
