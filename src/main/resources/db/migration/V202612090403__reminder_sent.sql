-- Each reminder once (提醒): its key names the kind, the record, the due day and the stage (due soon, overdue); the
-- primary key refuses a second sending by another node or a second run of the day.
CREATE TABLE reminder_sent (
    reminder_key  VARCHAR(200) NOT NULL PRIMARY KEY,
    due_on        DATE         NOT NULL,
    sent_at       ${ts}        NOT NULL
);
