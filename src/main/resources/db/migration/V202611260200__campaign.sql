-- Campaigns (检查工作), one row per campaign code: its state and the published definition version.
-- Year and titles repeat the published (or, before publication, the latest) version for lists.
CREATE TABLE campaign (
    id                 ${id_pk},
    campaign_code      VARCHAR(40)  NOT NULL,
    campaign_year      INT          NOT NULL,
    title_zh           VARCHAR(200) NOT NULL,
    title_en           VARCHAR(200) NOT NULL,
    state              VARCHAR(20)  NOT NULL,
    published_version  INT,
    latest_version     INT          NOT NULL,
    created_at         ${ts}        NOT NULL,
    updated_at         ${ts}        NOT NULL,
    closed_at          ${ts},
    closed_by          VARCHAR(64),
    CONSTRAINT uk_campaign_code UNIQUE (campaign_code)
);
CREATE INDEX ix_campaign_year ON campaign (campaign_year);
