-- The result of each round of a draw, written once: the commitment it was run under, the revealed seed, the
-- witness entropy and the assignments (canonical JSON). A re-draw marks the earlier round SUPERSEDED with the
-- reason; nothing is deleted.
CREATE TABLE draw_result (
    id                 ${id_pk},
    draw_id            BIGINT       NOT NULL,
    round_no           INT          NOT NULL,
    seed_hash          VARCHAR(64)  NOT NULL,
    snapshot_hash      VARCHAR(64)  NOT NULL,
    rules_hash         VARCHAR(64)  NOT NULL,
    draw_date          DATE         NOT NULL,
    commitment_digest  VARCHAR(64)  NOT NULL,
    seed_hex           VARCHAR(64)  NOT NULL,
    witness_json       ${clob}      NOT NULL,
    assignments_json   ${clob}      NOT NULL,
    result_digest      VARCHAR(64)  NOT NULL,
    result_state       VARCHAR(20)  NOT NULL,
    drawn_by           VARCHAR(64)  NOT NULL,
    drawn_at           ${ts}        NOT NULL,
    superseded_reason  VARCHAR(1000),
    superseded_by      VARCHAR(64),
    superseded_at      ${ts},
    CONSTRAINT uk_draw_result_round UNIQUE (draw_id, round_no),
    CONSTRAINT fk_draw_result_draw FOREIGN KEY (draw_id) REFERENCES draw (id)
);
