package org.inspectorate.spotcheck;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

/** An authorisation's testing window as people read it: "2026-12-08 09:00 – 2026-12-08 18:00" in the server's zone. */
final class Windows {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Windows() {
    }

    static String text(TestingAuthorisation a, Clock clock) {
        return FORMAT.format(a.windowFrom().atZone(clock.getZone())) + " – "
                + FORMAT.format(a.windowUntil().atZone(clock.getZone()));
    }
}
