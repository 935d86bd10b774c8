-- Vetting records (审查): who vetted the inspector, when, until when it holds. The latest one counts.
CREATE TABLE inspector_vetting (
    id            ${id_pk},
    user_id       BIGINT        NOT NULL,
    vetted_by     VARCHAR(64)   NOT NULL,
    vetted_on     DATE          NOT NULL,
    valid_until   DATE          NOT NULL,
    remarks       VARCHAR(1000),
    recorded_at   ${ts}         NOT NULL,
    CONSTRAINT fk_inspector_vetting_user FOREIGN KEY (user_id) REFERENCES inspector_profile (user_id)
);
CREATE INDEX ix_inspector_vetting_user ON inspector_vetting (user_id);
