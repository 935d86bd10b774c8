package org.inspectorate.draw;

import org.inspectorate.system.AuditableEvent;

/**
 * Another officer approved a draft (four eyes): the pools were frozen and the commitment to a secret seed
 * published; the draw is SCHEDULED. Never carries the seed.
 */
public record DrawApproved(long drawId, int targets, int inspectors, String snapshotHash, String seedHash,
        String commitmentDigest) implements AuditableEvent {

    @Override
    public String action() {
        return "draw.scheduled";
    }

    @Override
    public String subject() {
        return "draw:" + drawId;
    }

    @Override
    public String detail() {
        return "targets=" + targets + " inspectors=" + inspectors + " snapshot=" + snapshotHash + " seedHash="
                + seedHash + " commitment=" + commitmentDigest;
    }
}
