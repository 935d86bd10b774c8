-- Rectification notices (网络安全问题整改通知书): one row per notice, numbered per issuing authority and year
-- (<short name>〔year〕N号). authority_code is the issuer's province code, 000000 for the Ministry; operator_id is
-- the addressee, the column every jurisdiction scope reads. A correction or a follow-up is a new row that names
-- the one it supersedes (supersedes_id); the superseded row stays as issued.
CREATE TABLE rectification_notice (
    id                        ${id_pk},
    authority_code            VARCHAR(6)    NOT NULL,
    authority_name            VARCHAR(200)  NOT NULL,
    operator_id               BIGINT        NOT NULL,
    state                     VARCHAR(20)   NOT NULL,
    seq_year                  INT,
    seq_no                    INT,
    notice_number             VARCHAR(60),
    basis                     VARCHAR(500)  NOT NULL,
    body                      ${clob},
    deadline                  DATE          NOT NULL,
    original_deadline         DATE          NOT NULL,
    supersedes_id             BIGINT,
    follow_up                 BOOLEAN       NOT NULL DEFAULT FALSE,
    superseded_by_id          BIGINT,
    created_by                VARCHAR(100)  NOT NULL,
    created_at                ${ts}         NOT NULL,
    issued_by                 VARCHAR(100),
    issued_at                 ${ts},
    read_by                   VARCHAR(100),
    read_at                   ${ts},
    replied_at                ${ts},
    accountable_department    VARCHAR(200),
    accountable_person        VARCHAR(100),
    accountability_measure    VARCHAR(2000),
    extension_reason          VARCHAR(2000),
    extension_until           DATE,
    extension_requested_at    ${ts},
    extension_granted         BOOLEAN,
    extension_decided_by      VARCHAR(100),
    extension_decided_at      ${ts},
    extension_refusal         VARCHAR(2000),
    closed_at                 ${ts},
    overdue_noted_at          ${ts},
    version                   INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_rectification_notice_number UNIQUE (authority_code, seq_year, seq_no)
);
-- The lists: an operator's or a province's notices newest first (jurisdiction column first), and the overdue and
-- due-by queries on the state and deadline.
CREATE INDEX ix_rectification_notice_operator ON rectification_notice (operator_id, created_at, id);
CREATE INDEX ix_rectification_notice_due ON rectification_notice (state, deadline, id);

-- One item per finding a notice covers, with the operator's reply and the authority's verification (整改核验).
CREATE TABLE rectification_item (
    id                 ${id_pk},
    notice_id          BIGINT        NOT NULL,
    seq_no             INT           NOT NULL,
    finding_id         BIGINT        NOT NULL,
    finding_title      VARCHAR(500)  NOT NULL,
    finding_severity   VARCHAR(20)   NOT NULL,
    finding_asset      VARCHAR(500),
    state              VARCHAR(20)   NOT NULL,
    reply              VARCHAR(4000),
    replied_at         ${ts},
    evidence_count     INT           NOT NULL DEFAULT 0,
    verdict_reason     VARCHAR(2000),
    verified_by        VARCHAR(100),
    verified_at        ${ts},
    CONSTRAINT uk_rectification_item UNIQUE (notice_id, seq_no),
    CONSTRAINT fk_rectification_item_notice FOREIGN KEY (notice_id) REFERENCES rectification_notice (id)
);
CREATE INDEX ix_rectification_item_finding ON rectification_item (finding_id, state);

-- The last number given per authority and year; the row is locked while a number is taken, so numbers have no
-- gaps and no duplicates across nodes.
CREATE TABLE rectification_number_counter (
    authority_code  VARCHAR(6)  NOT NULL,
    seq_year        INT         NOT NULL,
    last_value      INT         NOT NULL,
    CONSTRAINT pk_rectification_number_counter PRIMARY KEY (authority_code, seq_year)
);
