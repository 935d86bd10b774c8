-- An inspector's own and former employers (任职经历), for the conflict-of-interest rule (回避).
CREATE TABLE inspector_employment (
    id               ${id_pk},
    user_id          BIGINT NOT NULL,
    organisation_id  BIGINT NOT NULL,
    from_date        DATE   NOT NULL,
    until_date       DATE,
    CONSTRAINT fk_inspector_employment_user FOREIGN KEY (user_id) REFERENCES inspector_profile (user_id),
    CONSTRAINT fk_inspector_employment_org FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_inspector_employment_user ON inspector_employment (user_id);
