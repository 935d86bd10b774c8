-- ShedLock's lock table: a scheduled job (reminders, digest, mail retries) runs on one node at a time.
CREATE TABLE shedlock (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until  ${ts}        NOT NULL,
    locked_at   ${ts}        NOT NULL,
    locked_by   VARCHAR(255) NOT NULL
);
