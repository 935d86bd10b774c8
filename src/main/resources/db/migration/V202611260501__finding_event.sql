-- The full history of every finding: who changed what, when, from which state to which, and why.
CREATE TABLE finding_event (
    id           ${id_pk},
    finding_id   BIGINT        NOT NULL,
    occurred_at  ${ts}         NOT NULL,
    actor_name   VARCHAR(100)  NOT NULL,
    action       VARCHAR(40)   NOT NULL,
    from_status  VARCHAR(20),
    to_status    VARCHAR(20),
    note         ${clob},
    CONSTRAINT fk_finding_event_finding FOREIGN KEY (finding_id) REFERENCES finding (id)
);
CREATE INDEX ix_finding_event_finding ON finding_event (finding_id, occurred_at);
