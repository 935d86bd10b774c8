-- Other departments' data requests (数据调取申请) and the grants they become (授权): one row per request. The scope
-- asked for and the scope granted (the same or narrower) are kept apart, so the operator sees both. The deciding
-- authority is the operator's province (NULL = the Ministry). A grant is live while state = 'APPROVED' and
-- granted_until >= today: the read queries say so in SQL.
CREATE TABLE data_request (
    id                     ${id_pk},
    channel                VARCHAR(20)   NOT NULL,
    requester_org_id       BIGINT        NOT NULL,
    requester_user_id      BIGINT        NOT NULL,
    requester_name         VARCHAR(64)   NOT NULL,
    outside_requester      VARCHAR(200),
    operator_id            BIGINT        NOT NULL,
    deciding_province      VARCHAR(6),
    purpose                VARCHAR(1000) NOT NULL,
    legal_basis            VARCHAR(1000) NOT NULL,
    scope_filings          BOOLEAN       NOT NULL,
    scope_findings         BOOLEAN       NOT NULL,
    scope_reports          BOOLEAN       NOT NULL,
    finding_categories     VARCHAR(200),
    finding_severities     VARCHAR(100),
    period_from            DATE          NOT NULL,
    period_to              DATE          NOT NULL,
    access_until           DATE          NOT NULL,
    state                  VARCHAR(20)   NOT NULL,
    granted_filings        BOOLEAN,
    granted_findings       BOOLEAN,
    granted_reports        BOOLEAN,
    granted_categories     VARCHAR(200),
    granted_severities     VARCHAR(100),
    granted_until          DATE,
    decided_by_id          BIGINT,
    decided_by             VARCHAR(64),
    decided_at             ${ts},
    refusal_reasons        VARCHAR(2000),
    revoked_by             VARCHAR(64),
    revoked_at             ${ts},
    revoke_reason          VARCHAR(1000),
    shared_at              ${ts},
    submitted_at           ${ts},
    created_at             ${ts}         NOT NULL,
    updated_at             ${ts}         NOT NULL,
    version                INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_data_request_requester FOREIGN KEY (requester_org_id) REFERENCES organisation (id),
    CONSTRAINT fk_data_request_operator FOREIGN KEY (operator_id) REFERENCES organisation (id)
);
CREATE INDEX ix_data_request_requester ON data_request (requester_org_id, updated_at, id);
CREATE INDEX ix_data_request_operator ON data_request (operator_id, updated_at, id);
CREATE INDEX ix_data_request_decider ON data_request (deciding_province, state, updated_at, id);

-- Each read of shared data (共享数据访问记录), for the operator to see who read what under which grant.
CREATE TABLE shared_access (
    id               ${id_pk},
    request_id       BIGINT       NOT NULL,
    operator_id      BIGINT       NOT NULL,
    reader_name      VARCHAR(64)  NOT NULL,
    record_type      VARCHAR(40)  NOT NULL,
    record_id        BIGINT,
    rows_read        INT          NOT NULL,
    read_at          ${ts}        NOT NULL,
    CONSTRAINT fk_shared_access_request FOREIGN KEY (request_id) REFERENCES data_request (id)
);
CREATE INDEX ix_shared_access_request ON shared_access (request_id, read_at, id);
