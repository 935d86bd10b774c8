package org.inspectorate.spotcheck;

import org.inspectorate.draw.DrawPublished;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes every planned check of a published draw a spot check, in the publication's own transaction: a plain
 * {@code @EventListener}, not an after-commit one, because a published draw (一公开) whose teams and operators find
 * no spot check would be a hole in the record — the publication and its checks land together or not at all. An
 * officer never has to remember a "create checks" step, and a later re-publication adds only the new round's checks.
 */
@Component
class DrawTakeOver {

    private final SpotChecks checks;

    DrawTakeOver(SpotChecks checks) {
        this.checks = checks;
    }

    @EventListener
    void on(DrawPublished published) {
        checks.takeOverDraw(published.drawId());
    }
}
