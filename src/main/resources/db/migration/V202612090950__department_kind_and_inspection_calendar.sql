-- Which department another department's organisation is (部门类别): 网信 coordinates the inspections of its province.
-- Every existing row is OTHER; the demo's public security (北京市公安局…) is PUBLIC_SECURITY.
ALTER TABLE organisation ADD department_kind VARCHAR(30) DEFAULT 'OTHER' NOT NULL;
UPDATE organisation SET department_kind = 'PUBLIC_SECURITY'
WHERE type = 'OTHER_DEPARTMENT' AND name LIKE '北京市公安局%';

-- The inspection calendar (检查计划): one row per planned inspection of an operator; a joint inspection (联合检查) is a
-- plan with participants of more than one department. province = the operator's (NULL: filed with the Ministry),
-- so the jurisdiction of the calendar is a column comparison in SQL.
CREATE TABLE inspection_plan (
    id              ${id_pk},
    operator_id     BIGINT        NOT NULL,
    province_code   VARCHAR(6),
    lead_org_id     BIGINT        NOT NULL,
    starts_on       DATE          NOT NULL,
    ends_on         DATE          NOT NULL,
    scope           VARCHAR(1000) NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    created_at      ${ts}         NOT NULL,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_inspection_plan_operator FOREIGN KEY (operator_id) REFERENCES organisation (id),
    CONSTRAINT fk_inspection_plan_lead FOREIGN KEY (lead_org_id) REFERENCES organisation (id)
);
CREATE INDEX ix_inspection_plan_operator ON inspection_plan (operator_id, starts_on);
CREATE INDEX ix_inspection_plan_province ON inspection_plan (province_code, starts_on, id);

-- The departments taking part in a plan and their team members (检查组成员), one row per department.
CREATE TABLE inspection_participant (
    id              ${id_pk},
    plan_id         BIGINT        NOT NULL,
    org_id          BIGINT        NOT NULL,
    members         VARCHAR(1000) NOT NULL,
    joined_at       ${ts}         NOT NULL,
    CONSTRAINT fk_inspection_participant_plan FOREIGN KEY (plan_id) REFERENCES inspection_plan (id),
    CONSTRAINT fk_inspection_participant_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT uq_inspection_participant UNIQUE (plan_id, org_id)
);
CREATE INDEX ix_inspection_participant_org ON inspection_participant (org_id, plan_id);
