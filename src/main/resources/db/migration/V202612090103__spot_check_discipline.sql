-- After a check the operator declares the team's discipline (检查纪律): no fee, no product or service required — or
-- reports a breach, which only the authority's leadership and the Ministry read. One declaration per check.
CREATE TABLE spot_check_discipline (
    check_id        BIGINT        NOT NULL PRIMARY KEY,
    breach          BOOLEAN       NOT NULL,
    breach_text     VARCHAR(4000),
    declared_by     VARCHAR(100)  NOT NULL,
    declared_at     ${ts}         NOT NULL,
    CONSTRAINT fk_spot_check_discipline FOREIGN KEY (check_id) REFERENCES spot_check (id)
);
-- An inspector's clearance (vetting, own or agency commitment) found lapsed while on a check's team: kept once per
-- check and inspector, shown on the leader's and the authority's page of the check.
CREATE TABLE spot_check_lapse (
    check_id    BIGINT       NOT NULL,
    user_id     BIGINT       NOT NULL,
    lapse       VARCHAR(30)  NOT NULL,
    noticed_at  ${ts}        NOT NULL,
    CONSTRAINT pk_spot_check_lapse PRIMARY KEY (check_id, user_id),
    CONSTRAINT fk_spot_check_lapse FOREIGN KEY (check_id) REFERENCES spot_check (id)
);
