-- What the level-driven obligations (符合性评测, 风险评估) of a filed unit count from: the level of the
-- filing in force, the day the unit was first filed, and the day an accepted change last changed its level.
CREATE TABLE obligation_baseline (
    unit_id            BIGINT      NOT NULL,
    filed_grade_level  VARCHAR(10) NOT NULL,
    first_filed_on     DATE        NOT NULL,
    level_changed_on   DATE,
    updated_at         ${ts}       NOT NULL,
    CONSTRAINT pk_obligation_baseline PRIMARY KEY (unit_id),
    CONSTRAINT fk_obligation_baseline_unit FOREIGN KEY (unit_id) REFERENCES network_unit (id)
);
INSERT INTO obligation_baseline (unit_id, filed_grade_level, first_filed_on, level_changed_on, updated_at)
SELECT u.id, u.grade_level, CAST(u.updated_at AS DATE), NULL, u.updated_at
FROM network_unit u
WHERE u.in_force_version_no IS NOT NULL AND u.in_force_version_no = u.current_version_no
  AND u.filing_state = 'FILED' AND u.filing_kind <> 'DECOMMISSION';
