-- Network units (通信网络单元): the working copy of each unit's latest filing content, its filing
-- state, the authority it is routed to (NULL = the Ministry) and an optimistic-lock version.
-- Long texts are CLOBs so that the row fits MariaDB's row-size limit in utf8mb4.
CREATE TABLE network_unit (
    id                       ${id_pk},
    organisation_id          BIGINT       NOT NULL,
    authority_province_code  VARCHAR(6),
    name                     VARCHAR(200) NOT NULL,
    category                 VARCHAR(40)  NOT NULL,
    description              ${clob},
    key_locations            VARCHAR(1000),
    responsible_person       VARCHAR(100) NOT NULL,
    responsible_contact      VARCHAR(100) NOT NULL,
    grade_level              VARCHAR(10)  NOT NULL,
    grading_reasoning        ${clob}      NOT NULL,
    grading_reviewed_on      DATE         NOT NULL,
    main_hardware            ${clob},
    security_systems         ${clob},
    base_software            ${clob},
    application_software     ${clob},
    protocols_ports          VARCHAR(1000),
    lifecycle_stage          VARCHAR(30)  NOT NULL,
    filing_state             VARCHAR(20)  NOT NULL,
    filing_kind              VARCHAR(20)  NOT NULL,
    current_version_no       INT          NOT NULL,
    in_force_version_no      INT,
    filing_number            VARCHAR(40),
    due_on                   DATE,
    submitted_at             ${ts},
    created_at               ${ts}        NOT NULL,
    updated_at               ${ts}        NOT NULL,
    version                  INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_network_unit_filing_number UNIQUE (filing_number),
    CONSTRAINT fk_network_unit_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_network_unit_organisation ON network_unit (organisation_id);
CREATE INDEX ix_network_unit_review ON network_unit (filing_state, authority_province_code, submitted_at);
