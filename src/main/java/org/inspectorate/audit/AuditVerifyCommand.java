package org.inspectorate.audit;

import java.io.PrintStream;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command-line verification: {@code java -jar inspectorate.jar --inspectorate.audit.verify} checks
 * the chain, prints the result and exits with 0 (intact), 1 (broken) or 2 (bad anchors), without
 * starting the web server ({@link AuditVerifyEnvironment} switches it off). It only reads: it may run
 * with a read-only database account, and it is not recorded in the trail.
 */
@Component
@ConditionalOnProperty(name = "inspectorate.audit.verify")
class AuditVerifyCommand implements ApplicationRunner {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int USAGE = 2;

    private final AuditTrail trail;
    private final ConfigurableApplicationContext context;
    private final String anchors;

    AuditVerifyCommand(AuditTrail trail, ConfigurableApplicationContext context,
            @Value("${inspectorate.audit.anchor:}") String anchors) {
        this.trail = trail;
        this.context = context;
        this.anchors = anchors;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = verify(anchors, System.out);
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /** Verifies against {@code anchorText} ({@code seq:hash,...}), prints the outcome and returns the exit status. */
    int verify(String anchorText, PrintStream out) {
        List<AuditAnchor> parsed;
        try {
            parsed = AuditAnchor.parseAll(anchorText);
        } catch (IllegalArgumentException e) {
            out.println("AUDIT CHAIN NOT VERIFIED: bad --inspectorate.audit.anchor: " + e.getMessage());
            return USAGE;
        }
        ChainVerification result = trail.verify(parsed);
        if (result.intact()) {
            out.println("AUDIT CHAIN INTACT: " + result.entriesChecked() + " entries checked"
                    + (parsed.isEmpty() ? "" : ", " + parsed.size() + " anchor(s) matched") + ".");
            trail.currentAnchor().ifPresent(a -> out.println("Current anchor (keep it outside the database): " + a));
            return INTACT;
        }
        out.println("AUDIT CHAIN BROKEN: first broken entry seq=" + result.firstBrokenSeq() + " reason="
                + result.reason() + " (" + result.entriesChecked() + " entries checked).");
        return BROKEN;
    }
}
