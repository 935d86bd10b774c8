-- Scoring standards (考核要点与评分标准) as data: one row per version of a standard, its categories and items held
-- as the validated JSON document the Ministry imported (or the example shipped); a sheet refers to the version it was
-- opened against, so replacing a standard never changes a sheet already scored.
CREATE TABLE scoring_standard (
    id              ${id_pk},
    code            VARCHAR(60)    NOT NULL,
    version         INT            NOT NULL,
    title           VARCHAR(300)   NOT NULL,
    example         BOOLEAN        NOT NULL,
    operator_types  VARCHAR(300)   NOT NULL,
    points          DECIMAL(9,2)   NOT NULL,
    item_count      INT            NOT NULL,
    document        ${clob}        NOT NULL,
    sha256          VARCHAR(64)    NOT NULL,
    imported_by     VARCHAR(100)   NOT NULL,
    imported_at     ${ts}          NOT NULL,
    CONSTRAINT uk_scoring_standard_version UNIQUE (code, version)
);
