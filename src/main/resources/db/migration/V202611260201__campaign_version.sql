-- Every uploaded version of a campaign definition, kept verbatim with its SHA-256; never updated
-- except for its status (DRAFT -> PUBLISHED -> SUPERSEDED) and who published it when.
CREATE TABLE campaign_version (
    id             ${id_pk},
    campaign_id    BIGINT       NOT NULL,
    version_no     INT          NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    campaign_code  VARCHAR(40)  NOT NULL,
    campaign_year  INT          NOT NULL,
    title_zh       VARCHAR(200) NOT NULL,
    title_en       VARCHAR(200) NOT NULL,
    definition     ${clob}      NOT NULL,
    sha256         VARCHAR(64)  NOT NULL,
    size_bytes     INT          NOT NULL,
    file_name      VARCHAR(200),
    uploaded_by    VARCHAR(64)  NOT NULL,
    uploaded_at    ${ts}        NOT NULL,
    published_by   VARCHAR(64),
    published_at   ${ts},
    CONSTRAINT uk_campaign_version UNIQUE (campaign_id, version_no),
    CONSTRAINT fk_campaign_version_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
);
CREATE INDEX ix_campaign_version_sha ON campaign_version (sha256);
