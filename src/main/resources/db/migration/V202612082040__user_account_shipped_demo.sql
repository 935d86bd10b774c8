-- Marks the accounts the application provisioned itself (the shipped demo accounts): only they may skip MFA
-- enrolment in demo mode. Accounts provisioned before this column existed are found by their audit entry.
ALTER TABLE user_account ADD COLUMN provisioned BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE user_account SET provisioned = TRUE
WHERE CONCAT('user:', username) IN (SELECT subject FROM audit_entry WHERE action = 'user.provisioned');
