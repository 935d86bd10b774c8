-- A spot check (抽查): one per planned check of a published draw, or created outside a draw with a recorded reason
-- (outside_draw_reason not null, listed apart). The authority is the province whose administration reviews the
-- target (null: the Ministry); the operator reads the check only once scheduled_at is set.
CREATE TABLE spot_check (
    id                      ${id_pk},
    planned_check_id        BIGINT,
    draw_id                 BIGINT,
    target_organisation_id  BIGINT        NOT NULL,
    target_province_code    VARCHAR(6),
    target_operator_type    VARCHAR(40)   NOT NULL,
    target_unit_ids         VARCHAR(1000) NOT NULL,
    authority_province_code VARCHAR(6),
    leader_user_id          BIGINT        NOT NULL,
    member_user_ids         VARCHAR(1000) NOT NULL,
    check_state             VARCHAR(20)   NOT NULL,
    methods                 VARCHAR(200)  NOT NULL,
    planned_on              DATE          NOT NULL,
    starts_on               DATE,
    ends_on                 DATE,
    documents               VARCHAR(4000),
    outside_draw_reason     VARCHAR(1000),
    cancel_reason           VARCHAR(1000),
    scheduled_at            ${ts},
    started_on              DATE,
    reported_on             DATE,
    created_by              VARCHAR(100)  NOT NULL,
    created_at              ${ts}         NOT NULL,
    updated_at              ${ts}         NOT NULL,
    version                 INT           NOT NULL,
    CONSTRAINT uq_spot_check_planned UNIQUE (planned_check_id)
);
CREATE INDEX ix_spot_check_authority ON spot_check (authority_province_code, id);
CREATE INDEX ix_spot_check_target ON spot_check (target_organisation_id, id);
CREATE INDEX ix_spot_check_draw ON spot_check (draw_id);
-- The progress view groups the checks by the operator's province, its type and the state.
CREATE INDEX ix_spot_check_progress ON spot_check (target_province_code, target_operator_type, check_state);
-- The team (leader included): the inspector's list and the gate read it by user.
CREATE TABLE spot_check_member (
    check_id  BIGINT NOT NULL,
    user_id   BIGINT NOT NULL,
    CONSTRAINT pk_spot_check_member PRIMARY KEY (check_id, user_id),
    CONSTRAINT fk_spot_check_member FOREIGN KEY (check_id) REFERENCES spot_check (id)
);
CREATE INDEX ix_spot_check_member_user ON spot_check_member (user_id, check_id);
