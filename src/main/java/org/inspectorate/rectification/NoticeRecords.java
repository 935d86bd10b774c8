package org.inspectorate.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Loading, saving and reading out notices for the module's two services, and publishing what they caused. */
@Component
class NoticeRecords {

    private final NoticeRepository repository;
    private final RectificationAccess access = new RectificationAccess();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeRecords(NoticeRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** The notice, if the actor sees it (otherwise 404: nobody learns that it exists). */
    RectificationNotice visible(Actor actor, long id) {
        return repository.find(id, access.viewScope(actor, "n")).orElseThrow(() -> new NotFoundException("notice", id));
    }

    /** The notice without a scope: for reactions to other modules' events, which have no actor. */
    RectificationNotice unscoped(long id) {
        return repository.find(id, new org.inspectorate.organisation.Jurisdiction.Nationwide().organisationScope("n.id"))
                .orElseThrow(() -> new NotFoundException("notice", id));
    }

    /** Saves under the version it was read with (a lost race is a conflict) and publishes the events. */
    void save(RectificationNotice notice, List<? extends AuditableEvent> caused) {
        if (!repository.save(notice)) {
            throw new ConflictException("rectification.conflict.stale");
        }
        caused.forEach(events::publishEvent);
    }

    void publish(AuditableEvent event) {
        events.publishEvent(event);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    java.time.Instant now() {
        return clock.instant();
    }

    /** The read model of the aggregate. */
    Notice view(RectificationNotice n) {
        RectificationNotice.Accountability a = n.accountability();
        RectificationNotice.Extension e = n.extension();
        return new Notice(n.id(), n.issuer().code(), n.issuer().name(), n.operatorId(),
                repository.operatorName(n.operatorId()), n.state(), n.number() == null ? null : n.number().text(),
                n.basis(), n.body(), n.deadline(), n.originalDeadline(), n.overdueOn(today()), n.supersedesId(),
                n.followUp(), n.supersededById(), n.issuedBy(), n.issuedAt(), n.readBy(), n.readAt(), n.repliedAt(),
                a == null ? null : new Notice.Accountability(a.department(), a.person(), a.measure()),
                e == null ? null : new Notice.Extension(e.reason(), e.until(), e.requestedAt(), e.granted(),
                        e.decidedBy(), e.decidedAt(), e.refusal()),
                n.closedAt(), n.items().stream().map(i -> new Notice.Item(i.findingId(), i.seqNo(), i.findingTitle(),
                        i.findingSeverity(), i.findingAsset(), i.state(), i.reply(), i.repliedAt(), i.evidenceCount(),
                        i.verdictReason(), i.verifiedBy(), i.verifiedAt())).toList(),
                n.version());
    }
}
