-- Conflicts of interest an inspector declared (利益冲突申报) with an organisation.
CREATE TABLE inspector_conflict (
    id               ${id_pk},
    user_id          BIGINT       NOT NULL,
    organisation_id  BIGINT       NOT NULL,
    reason           VARCHAR(500) NOT NULL,
    declared_on      DATE         NOT NULL,
    CONSTRAINT fk_inspector_conflict_user FOREIGN KEY (user_id) REFERENCES inspector_profile (user_id),
    CONSTRAINT fk_inspector_conflict_org FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_inspector_conflict_user ON inspector_conflict (user_id);
