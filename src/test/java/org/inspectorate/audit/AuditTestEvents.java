package org.inspectorate.audit;

import org.inspectorate.system.AuditableEvent;

/** Events for audit tests, each with a subject the test chose. */
final class AuditTestEvents {

    private AuditTestEvents() {
    }

    record Happened(String subject, String detail) implements AuditableEvent {

        Happened(String subject) {
            this(subject, "test");
        }

        @Override
        public String action() {
            return "test.happened";
        }

        @Override
        public String actor() {
            return "audit-test";
        }
    }

    /**
     * An event of a family whose detail the audit administrator reads (an account or the trail itself,
     * {@link DetailDisclosure}), for tests about how a shown detail is written out.
     */
    record AccountHappened(String subject, String detail) implements AuditableEvent {

        @Override
        public String action() {
            return "user.test-happened";
        }

        @Override
        public String actor() {
            return "audit-test";
        }
    }
}
