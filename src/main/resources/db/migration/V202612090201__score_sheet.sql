-- A spot check's score sheet (评分表): the check's subject as scoring resolved it when the sheet was opened (operator,
-- its type and province, the authority's province, the year, the team), its state and its computed score.
-- authority_province_code NULL: the Ministry runs the check. total is kept with every mark, so rankings read it.
CREATE TABLE score_sheet (
    id                       ${id_pk},
    spot_check_id            BIGINT         NOT NULL,
    standard_id              BIGINT         NOT NULL,
    operator_id              BIGINT         NOT NULL,
    operator_name            VARCHAR(200)   NOT NULL,
    operator_type            VARCHAR(40)    NOT NULL,
    province_code            VARCHAR(6),
    authority_province_code  VARCHAR(6),
    score_year               INT            NOT NULL,
    leader_account_id        BIGINT         NOT NULL,
    outside_draw             BOOLEAN        NOT NULL,
    state                    VARCHAR(20)    NOT NULL,
    marked_count             INT            NOT NULL,
    sum_score                DECIMAL(9,2)   NOT NULL,
    total                    DECIMAL(9,2)   NOT NULL,
    vetoed                   BOOLEAN        NOT NULL,
    opened_by                VARCHAR(100)   NOT NULL,
    opened_at                ${ts}          NOT NULL,
    submitted_at             ${ts},
    decided_by               VARCHAR(100),
    decided_at               ${ts},
    version                  INT            NOT NULL DEFAULT 0,
    CONSTRAINT uk_score_sheet_spot_check UNIQUE (spot_check_id),
    CONSTRAINT fk_score_sheet_standard FOREIGN KEY (standard_id) REFERENCES scoring_standard (id)
);
-- Rankings: approved sheets of one year, operator type and province, by total (the keyset's order).
CREATE INDEX ix_score_sheet_ranking ON score_sheet (state, score_year, operator_type, province_code, total, id);
-- The assessment export per operator and year; the authority's list.
CREATE INDEX ix_score_sheet_operator ON score_sheet (operator_id, score_year, id);
CREATE INDEX ix_score_sheet_authority ON score_sheet (authority_province_code, id);

-- The team as it was when the sheet was opened or last acted on: the inspectors' read scope.
CREATE TABLE score_sheet_member (
    sheet_id    BIGINT  NOT NULL,
    account_id  BIGINT  NOT NULL,
    CONSTRAINT pk_score_sheet_member PRIMARY KEY (sheet_id, account_id),
    CONSTRAINT fk_score_sheet_member_sheet FOREIGN KEY (sheet_id) REFERENCES score_sheet (id)
);
CREATE INDEX ix_score_sheet_member_account ON score_sheet_member (account_id, sheet_id);

-- The team's mark of one item: what was entered (occurrences, fraction, a score, a veto), the score it computes to,
-- the reason and the findings it rests on (ids, comma-separated).
CREATE TABLE score_mark (
    sheet_id     BIGINT         NOT NULL,
    item_code    VARCHAR(40)    NOT NULL,
    occurrences  INT,
    fraction     DECIMAL(9,4),
    given_score  DECIMAL(9,2),
    vetoed       BOOLEAN        NOT NULL,
    score        DECIMAL(9,2)   NOT NULL,
    reason       VARCHAR(2000)  NOT NULL,
    finding_ids  VARCHAR(1000)  NOT NULL,
    marked_by    VARCHAR(100)   NOT NULL,
    marked_at    ${ts}          NOT NULL,
    CONSTRAINT pk_score_mark PRIMARY KEY (sheet_id, item_code),
    CONSTRAINT fk_score_mark_sheet FOREIGN KEY (sheet_id) REFERENCES score_sheet (id)
);

-- The sheet's acts in order (submitted, returned with reasons, approved, reopened with a reason).
CREATE TABLE score_sheet_act (
    id          ${id_pk},
    sheet_id    BIGINT         NOT NULL,
    act         VARCHAR(20)    NOT NULL,
    from_state  VARCHAR(20)    NOT NULL,
    to_state    VARCHAR(20)    NOT NULL,
    reason      VARCHAR(4000),
    acted_by    VARCHAR(100)   NOT NULL,
    acted_at    ${ts}          NOT NULL,
    CONSTRAINT fk_score_sheet_act_sheet FOREIGN KEY (sheet_id) REFERENCES score_sheet (id)
);
CREATE INDEX ix_score_sheet_act_sheet ON score_sheet_act (sheet_id, id);
