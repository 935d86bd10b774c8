-- Draw rules (一单两库一细则: the detailed rules) as data the authority edits: every change is a new version,
-- stored as the canonical JSON of the rules and its SHA-256; a draw names the version it runs under.
CREATE TABLE draw_rules (
    id            ${id_pk},
    rules_name    VARCHAR(100) NOT NULL,
    version_no    INT          NOT NULL,
    definition    ${clob}      NOT NULL,
    rules_hash    VARCHAR(64)  NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    created_at    ${ts}        NOT NULL,
    CONSTRAINT uk_draw_rules_version UNIQUE (rules_name, version_no)
);
