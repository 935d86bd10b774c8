-- A draw (双随机抽取): prepared (DRAFT), approved by another officer (SCHEDULED: pools frozen, seed sealed,
-- commitment published), run (DRAWN) and published (PUBLISHED). The seed is stored sealed (AES-GCM) until the
-- draw reveals it into draw_result.
CREATE TABLE draw (
    id                   ${id_pk},
    title                VARCHAR(200) NOT NULL,
    province_code        VARCHAR(6),
    rules_id             BIGINT       NOT NULL,
    filter_province      VARCHAR(6),
    filter_operator_type VARCHAR(40),
    filter_category      VARCHAR(40),
    filter_grade         VARCHAR(20),
    inspector_skills     VARCHAR(200),
    draw_date            DATE         NOT NULL,
    draw_state           VARCHAR(20)  NOT NULL,
    prepared_by_id       BIGINT       NOT NULL,
    prepared_by          VARCHAR(64)  NOT NULL,
    approved_by          VARCHAR(64),
    scheduled_at         ${ts},
    snapshot_json        ${clob},
    snapshot_hash        VARCHAR(64),
    seed_hash            VARCHAR(64),
    seed_sealed          VARCHAR(200),
    commitment_digest    VARCHAR(64),
    published_by         VARCHAR(64),
    published_at         ${ts},
    created_at           ${ts}        NOT NULL,
    updated_at           ${ts}        NOT NULL,
    version              INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_draw_rules FOREIGN KEY (rules_id) REFERENCES draw_rules (id)
);
CREATE INDEX ix_draw_province ON draw (province_code, draw_state);
