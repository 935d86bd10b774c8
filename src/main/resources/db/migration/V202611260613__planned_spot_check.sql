-- Each drawn target with its team becomes a planned spot check (计划抽查); the spot-check module builds on it.
CREATE TABLE planned_spot_check (
    id                      ${id_pk},
    draw_id                 BIGINT        NOT NULL,
    draw_result_id          BIGINT        NOT NULL,
    target_unit_id          BIGINT        NOT NULL,
    target_organisation_id  BIGINT        NOT NULL,
    leader_user_id          BIGINT        NOT NULL,
    member_user_ids         VARCHAR(1000) NOT NULL,
    check_state             VARCHAR(20)   NOT NULL,
    planned_on              DATE          NOT NULL,
    created_at              ${ts}         NOT NULL,
    CONSTRAINT fk_planned_check_draw FOREIGN KEY (draw_id) REFERENCES draw (id),
    CONSTRAINT fk_planned_check_result FOREIGN KEY (draw_result_id) REFERENCES draw_result (id)
);
CREATE INDEX ix_planned_check_draw ON planned_spot_check (draw_id);
CREATE INDEX ix_planned_check_org ON planned_spot_check (target_organisation_id);
CREATE TABLE planned_spot_check_member (
    check_id   BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    CONSTRAINT pk_planned_check_member PRIMARY KEY (check_id, user_id),
    CONSTRAINT fk_planned_check_member FOREIGN KEY (check_id) REFERENCES planned_spot_check (id)
);
CREATE INDEX ix_planned_check_member_user ON planned_spot_check_member (user_id);
