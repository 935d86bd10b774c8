-- What a user wants to be told and how (通知偏好): the e-mail address and digest per user; a row per kind only where
-- the user turned a channel off or on against the default (in the inbox and by mail).
CREATE TABLE notification_preference (
    user_id     BIGINT       NOT NULL PRIMARY KEY,
    email       VARCHAR(254),
    language    VARCHAR(10)  NOT NULL,
    digest      BOOLEAN      NOT NULL,
    updated_at  ${ts}        NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_notification_preference_user FOREIGN KEY (user_id) REFERENCES user_account (id)
);
CREATE TABLE notification_channel (
    user_id   BIGINT      NOT NULL,
    kind      VARCHAR(40) NOT NULL,
    in_app    BOOLEAN     NOT NULL,
    by_mail   BOOLEAN     NOT NULL,
    CONSTRAINT pk_notification_channel PRIMARY KEY (user_id, kind),
    CONSTRAINT fk_notification_channel_user FOREIGN KEY (user_id) REFERENCES user_account (id)
);
