-- The notification inbox (通知): one row per recipient and fact, its text as message keys and arguments so that it
-- is rendered in the reader's language when read. dedup_key makes a redelivered event (the publication registry
-- retries a listener that failed) add nothing twice; in_app false keeps a mail-only notification out of the inbox.
CREATE TABLE notification (
    id            ${id_pk},
    recipient_id  BIGINT        NOT NULL,
    kind          VARCHAR(40)   NOT NULL,
    title_key     VARCHAR(120)  NOT NULL,
    body_key      VARCHAR(120)  NOT NULL,
    arguments     VARCHAR(2000) NOT NULL,
    link          VARCHAR(300),
    dedup_key     VARCHAR(200)  NOT NULL,
    in_app        BOOLEAN       NOT NULL,
    mail_state    VARCHAR(12)   NOT NULL,
    created_at    ${ts}         NOT NULL,
    read_at       ${ts},
    mailed_at     ${ts},
    CONSTRAINT uk_notification_dedup UNIQUE (recipient_id, dedup_key),
    CONSTRAINT fk_notification_recipient FOREIGN KEY (recipient_id) REFERENCES user_account (id)
);
-- The inbox: newest first by id within the recipient (keyset on id).
CREATE INDEX ix_notification_inbox ON notification (recipient_id, in_app, id);
-- The daily digest finds its recipients by state.
CREATE INDEX ix_notification_mail ON notification (mail_state, recipient_id);
