-- The tamper-evident audit trail: each entry's hash covers the previous entry's hash and its own content.
CREATE TABLE audit_entry (
    seq          BIGINT       NOT NULL PRIMARY KEY,
    occurred_at  ${ts}        NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    action       VARCHAR(80)  NOT NULL,
    subject      VARCHAR(200) NOT NULL,
    outcome      VARCHAR(20)  NOT NULL,
    detail       VARCHAR(2000),
    remote_addr  VARCHAR(64),
    prev_hash    VARCHAR(64)  NOT NULL,
    hash         VARCHAR(64)  NOT NULL
);
CREATE INDEX ix_audit_entry_occurred ON audit_entry (occurred_at);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor);
CREATE INDEX ix_audit_entry_action ON audit_entry (action);

-- The head of the chain, one row: appending locks it (SELECT ... FOR UPDATE), so that several
-- application nodes extend one chain in order.
CREATE TABLE audit_head (
    id        INT         NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
