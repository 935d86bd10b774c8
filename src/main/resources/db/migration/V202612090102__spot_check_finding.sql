-- A finding of the register recorded during a spot check, by which method, with its on-site notice (现场告知):
-- when and how the operator was told, and its acknowledgement (name, time) or refusal (reason). major_at is set when
-- the finding was marked a major problem (重大问题); the Ministry's list reads those rows, newest first.
CREATE TABLE spot_check_finding (
    finding_id              BIGINT        NOT NULL PRIMARY KEY,
    check_id                BIGINT        NOT NULL,
    method                  VARCHAR(30)   NOT NULL,
    target_host             VARCHAR(300),
    title                   VARCHAR(500)  NOT NULL,
    severity                VARCHAR(20)   NOT NULL,
    network_unit_id         BIGINT        NOT NULL,
    recorded_by             VARCHAR(100)  NOT NULL,
    recorded_at             ${ts}         NOT NULL,
    notice_state            VARCHAR(20),
    told_at                 ${ts},
    told_method             VARCHAR(30),
    told_by                 VARCHAR(100),
    acknowledged_name       VARCHAR(100),
    answered_at             ${ts},
    answered_by             VARCHAR(100),
    refusal_reason          VARCHAR(1000),
    major_at                ${ts},
    major_reason            VARCHAR(1000),
    target_organisation_id  BIGINT        NOT NULL,
    target_province_code    VARCHAR(6),
    assessment              VARCHAR(2000),
    assessed_by             VARCHAR(100),
    assessed_at             ${ts},
    CONSTRAINT fk_spot_check_finding FOREIGN KEY (check_id) REFERENCES spot_check (id)
);
CREATE INDEX ix_spot_check_finding_check ON spot_check_finding (check_id, finding_id);
CREATE INDEX ix_spot_check_finding_major ON spot_check_finding (major_at, finding_id);
