-- The unread count in the navigation, kept with every write of the inbox (never a count per page).
CREATE TABLE notification_unread (
    recipient_id  BIGINT NOT NULL PRIMARY KEY,
    unread        INT    NOT NULL,
    CONSTRAINT fk_notification_unread_recipient FOREIGN KEY (recipient_id) REFERENCES user_account (id)
);
