package org.inspectorate.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.inspectorate.system.AuditableEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records every {@link AuditableEvent} as a hash-chained entry (审计日志), synchronously and in the
 * publisher's transaction (so a rolled-back change leaves no entry, and a committed one always has its
 * entry), and verifies the chain.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** Every this many entries the head is logged, as an anchor kept outside the database. */
    static final long ANCHOR_INTERVAL = 100;

    private final AuditRepository repository;
    private final AuditAnchorFile anchorFile;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    AuditTrail(AuditRepository repository, AuditAnchorFile anchorFile, Clock clock,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.anchorFile = anchorFile;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(AuditableEvent event) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // Part of the publisher's change: committed with it or rolled back with it.
            append(event);
        } else {
            // No transaction, or a read-only one (a view of results), where PostgreSQL refuses the
            // INSERT and the row lock: the entry gets its own transaction.
            ownTransaction.executeWithoutResult(status -> append(event));
        }
    }

    private void append(AuditableEvent event) {
        AuditRepository.Head head = repository.lockHead();
        long seq = head.lastSeq() + 1;
        // Millisecond precision, stored as epoch milliseconds: the hash re-computes on every database.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String actor = AuditText.clean(event.actor() != null ? event.actor() : currentUser(), 64);
        String action = AuditText.clean(event.action(), 80);
        String subject = AuditText.clean(event.subject(), 200);
        String detail = AuditText.clean(event.detail(), 2000);
        String remote = AuditText.clean(remoteAddress(), 64);
        AuditableEvent.Outcome outcomeValue = event.outcome();
        String outcome = (outcomeValue == null ? AuditableEvent.Outcome.SUCCESS : outcomeValue).name();
        if (action == null || action.isEmpty()) {
            throw new IllegalArgumentException("an audited event names its action: " + event.getClass().getName());
        }
        subject = subject == null ? "" : subject;
        actor = actor == null || actor.isEmpty() ? "system" : actor;
        String hash = AuditEntry.hashOf(seq, now, actor, action, subject, outcome, detail, remote, head.lastHash());
        repository.append(new AuditEntry(seq, now, actor, action, subject, outcome, detail, remote,
                head.lastHash(), hash, AuditEntry.CURRENT));
        AuditAnchor anchor = new AuditAnchor(seq, hash);
        // The witness outside the database once the entry is there for good; a rolled-back one is no witness.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                anchorFile.write(anchor);
            }
        });
        if (seq % ANCHOR_INTERVAL == 0) {
            log.info("Audit anchor {}:{} (keep outside the database; verify with --inspectorate.audit.anchor)", seq,
                    hash);
        }
    }

    /**
     * Verifies the chain against the anchor file ({@link AuditAnchorFile}): detects edited and deleted
     * entries, a cut-off tail and a recomputed chain up to the newest anchor the file holds. Without a file
     * the result says so ({@code tailCheck} {@code not-configured}).
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        return verify(List.of());
    }

    /**
     * Walks the chain from the first entry up to the head as it stands now: each entry must follow its
     * predecessor's sequence number, link to its hash, and hash to its own stored value; the head must
     * point at the last entry; and every anchor must still match its entry. Entries appended while this
     * runs are left for the next verification.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify(Collection<AuditAnchor> anchors) {
        // The file before the head: it is written after commit, so it can lag the head read next, never lead it.
        AuditAnchorFile.Reading file;
        try {
            file = anchorFile.read();
        } catch (IllegalStateException e) {
            // The witness itself was altered or damaged: nothing can be said about the tail.
            log.warn("Audit chain NOT VERIFIED: {}", e.getMessage());
            return new ChainVerification(false, 0, null, "anchorfile", "unreadable");
        }
        AuditRepository.Head head = repository.head();
        Map<Long, String> anchored = new HashMap<>();
        anchors.forEach(a -> anchored.put(a.seq(), a.hash()));
        file.anchor().ifPresent(a -> anchored.putIfAbsent(a.seq(), a.hash()));
        Walk walk = new Walk(anchored);
        repository.forEachInOrder(head.lastSeq(), walk::check);
        ChainVerification result;
        String tailCheck = file.check().wire();
        if (walk.broken != null) {
            result = walk.broken.withTailCheck(tailCheck);
        } else if (walk.lastSeq < head.lastSeq()) {
            // Entries were removed from the end of the chain, the head still counts them.
            result = ChainVerification.broken(walk.checked, walk.lastSeq + 1, "truncated", tailCheck);
        } else if (!head.lastHash().equals(walk.lastHash)) {
            result = ChainVerification.broken(walk.checked, head.lastSeq(), "head", tailCheck);
        } else {
            long beyond = anchored.keySet().stream().filter(s -> s > head.lastSeq()).mapToLong(Long::longValue)
                    .min().orElse(0);
            // An anchor beyond the head: the tail was cut off and the head rewound to hide it.
            result = beyond > 0 ? ChainVerification.broken(walk.checked, head.lastSeq() + 1, "truncated", tailCheck)
                    : ChainVerification.intact(walk.checked, tailCheck);
        }
        if (result.intact()) {
            log.info("Audit chain intact: {} entries; anchor {}:{}", result.entriesChecked(), head.lastSeq(),
                    head.lastHash());
        } else {
            log.warn("Audit chain BROKEN at entry {} ({}), {} entries checked", result.firstBrokenSeq(),
                    result.reason(), result.entriesChecked());
        }
        return result;
    }

    /** The head of the chain as an anchor to keep outside the database; empty trail: none. */
    @Transactional(readOnly = true)
    public Optional<AuditAnchor> currentAnchor() {
        AuditRepository.Head head = repository.head();
        return head.lastSeq() == 0 ? Optional.empty()
                : Optional.of(new AuditAnchor(head.lastSeq(), head.lastHash()));
    }

    /** The state of one walk along the chain; stops judging at the first break. */
    private static final class Walk {
        final Map<Long, String> anchors;
        long checked;
        long lastSeq;
        String lastHash = AuditEntry.GENESIS;
        ChainVerification broken;

        Walk(Map<Long, String> anchors) {
            this.anchors = anchors;
        }

        void check(AuditRepository.Stored stored) {
            if (broken != null) {
                return;
            }
            AuditEntry entry = stored.entry();
            long expected = lastSeq + 1;
            if (entry.seq() != expected) {
                broken = ChainVerification.broken(checked, expected, "missing");
            } else if (!lastHash.equals(entry.prevHash())) {
                broken = ChainVerification.broken(checked, entry.seq(), "link");
            } else if (!entry.expectedHash().equals(entry.hash()) || !stored.derivedColumnsHold()) {
                broken = ChainVerification.broken(checked, entry.seq(), "content");
            } else if (anchors.containsKey(entry.seq()) && !anchors.get(entry.seq()).equals(entry.hash())) {
                broken = ChainVerification.broken(checked, entry.seq(), "anchor");
            }
            checked++;
            lastSeq = entry.seq();
            lastHash = entry.hash();
        }
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
}
