-- An agency evaluated (测评) or advised (咨询) an organisation on a day: a conflict for spot checks of it.
CREATE TABLE agency_relation (
    id               ${id_pk},
    agency_id        BIGINT       NOT NULL,
    organisation_id  BIGINT       NOT NULL,
    relation_kind    VARCHAR(20)  NOT NULL,
    related_on       DATE         NOT NULL,
    recorded_by      VARCHAR(64)  NOT NULL,
    recorded_at      ${ts}        NOT NULL,
    CONSTRAINT fk_agency_relation_agency FOREIGN KEY (agency_id) REFERENCES organisation (id),
    CONSTRAINT fk_agency_relation_org FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_agency_relation_agency ON agency_relation (agency_id);
