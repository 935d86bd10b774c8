-- Inspector profiles (检查人员): a user account with role INSPECTOR of a testing agency, and its skills
-- as a sorted comma-separated list of skill codes.
CREATE TABLE inspector_profile (
    user_id      BIGINT       NOT NULL PRIMARY KEY,
    agency_id    BIGINT       NOT NULL,
    skills       VARCHAR(200) NOT NULL,
    created_at   ${ts}        NOT NULL,
    updated_at   ${ts}        NOT NULL,
    version      INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_inspector_profile_user FOREIGN KEY (user_id) REFERENCES user_account (id),
    CONSTRAINT fk_inspector_profile_agency FOREIGN KEY (agency_id) REFERENCES organisation (id)
);
CREATE INDEX ix_inspector_profile_agency ON inspector_profile (agency_id);
