package org.inspectorate.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.inspectorate.system.AuditableEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records every {@link AuditableEvent} as a hash-chained entry, synchronously and in the publisher's
 * transaction (so a rolled-back change leaves no entry, and a committed one always has its entry),
 * and verifies the chain.
 */
@Service
public class AuditTrail {

    private final AuditRepository repository;
    private final Clock clock;

    AuditTrail(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    void on(AuditableEvent event) {
        AuditRepository.Head head = repository.lockHead();
        long seq = head.lastSeq() + 1;
        // Millisecond precision survives every database's timestamp type unchanged, so hashes re-compute.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String actor = truncate(event.actor() != null ? event.actor() : currentUser(), 64);
        String action = truncate(event.action(), 80);
        String subject = truncate(event.subject(), 200);
        String detail = truncate(event.detail(), 2000);
        String remote = remoteAddress();
        String outcome = event.outcome().name();
        String hash = AuditEntry.hashOf(seq, now, actor, action, subject, outcome, detail, remote, head.lastHash());
        repository.append(new AuditEntry(seq, now, actor, action, subject, outcome, detail, remote,
                head.lastHash(), hash));
    }

    /**
     * Walks the chain from the first entry: each entry must follow its predecessor's sequence number,
     * link to its hash, and hash to its own stored value; the head must point at the last entry.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        long[] checked = {0};
        String[] prevHash = {AuditEntry.GENESIS};
        long[] expectedSeq = {1};
        ChainVerification[] broken = {null};
        repository.forEachInOrder(entry -> {
            if (broken[0] != null) {
                return;
            }
            if (entry.seq() != expectedSeq[0]) {
                broken[0] = ChainVerification.broken(checked[0], expectedSeq[0], "missing");
            } else if (!entry.prevHash().equals(prevHash[0])) {
                broken[0] = ChainVerification.broken(checked[0], entry.seq(), "link");
            } else if (!entry.hash().equals(entry.expectedHash())) {
                broken[0] = ChainVerification.broken(checked[0], entry.seq(), "content");
            }
            checked[0]++;
            prevHash[0] = entry.hash();
            expectedSeq[0]++;
        });
        if (broken[0] != null) {
            return broken[0];
        }
        AuditRepository.Head head = repository.head();
        if (head.lastSeq() != expectedSeq[0] - 1 || !head.lastHash().equals(prevHash[0])) {
            // Entries were removed from the end of the chain.
            return ChainVerification.broken(checked[0], expectedSeq[0], "truncated");
        }
        return ChainVerification.intact(checked[0]);
    }

    private static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    private static String remoteAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
