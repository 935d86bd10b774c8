package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** Someone read a list of spot checks (who inspects whom): the list's name and how many rows were shown. */
record SpotChecksListed(String list, int shown) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.listed";
    }

    @Override
    public String subject() {
        return "spotcheck:" + list;
    }

    @Override
    public String detail() {
        return "shown=" + shown;
    }
}
