-- Self-inspection workspaces (自查): one per operator and published campaign, created on the operator's first
-- answer or report text. It carries the summary report (自查工作总结报告): the operator's own text, where it goes
-- (recipient and its province; null province = the Ministry), the deadline that applies, and its review.
CREATE TABLE self_inspection (
    id                  ${id_pk},
    campaign_code       VARCHAR(40)  NOT NULL,
    organisation_id     BIGINT       NOT NULL,
    state               VARCHAR(20)  NOT NULL,
    recipient           VARCHAR(30)  NOT NULL,
    recipient_province  VARCHAR(6),
    due_on              DATE,
    overview_text       ${clob},
    plans_text          ${clob},
    first_submitted_at  ${ts},
    submitted_at        ${ts},
    submitted_by        VARCHAR(64),
    submitted_late      BOOLEAN      NOT NULL DEFAULT FALSE,
    reviewed_at         ${ts},
    reviewed_by         VARCHAR(64),
    return_reason       ${clob},
    created_by          VARCHAR(64)  NOT NULL,
    created_at          ${ts}        NOT NULL,
    updated_at          ${ts}        NOT NULL,
    version             INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_self_inspection UNIQUE (campaign_code, organisation_id),
    CONSTRAINT fk_self_inspection_org FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_self_inspection_org ON self_inspection (organisation_id);
