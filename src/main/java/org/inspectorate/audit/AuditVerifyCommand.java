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
 * the chain (against the anchor file too, {@link AuditAnchorFile}, which it reads and never writes), prints
 * the result and exits with 0 (intact), 1 (broken) or 2 (bad anchors), without
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
    private final AuditAnchorFile anchorFile;

    AuditVerifyCommand(AuditTrail trail, ConfigurableApplicationContext context,
            @Value("${inspectorate.audit.anchor:}") String anchors, AuditAnchorFile anchorFile) {
        this.trail = trail;
        this.context = context;
        this.anchors = anchors;
        this.anchorFile = anchorFile;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = verify(anchors, System.out);
        System.exit(SpringApplication.exit(context, () -> status));
    }

    private String tail(ChainVerification result) {
        return switch (result.tailCheck() == null ? "" : result.tailCheck()) {
            case "anchored" -> "Tail checked against the anchor file " + anchorFile + ".";
            case "no-anchor-yet" -> "The anchor file " + anchorFile + " holds no anchor yet: a cut tail needs the"
                    + " anchor check (--inspectorate.audit.anchor=<seq:hash kept outside the database>).";
            default -> "No anchor file configured: a cut tail needs the anchor check"
                    + " (--inspectorate.audit.anchor=<seq:hash kept outside the database>).";
        };
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
            out.println(tail(result));
            trail.currentAnchor().ifPresent(a -> out.println("Current anchor (keep it outside the database): " + a));
            return INTACT;
        }
        if (result.firstBrokenSeq() == null) {
            out.println("AUDIT CHAIN BROKEN: not verified, reason=" + result.reason() + " (" + anchorFile + ").");
        } else {
            out.println("AUDIT CHAIN BROKEN: first broken entry seq=" + result.firstBrokenSeq() + " reason="
                    + result.reason() + " (" + result.entriesChecked() + " entries checked).");
        }
        return BROKEN;
    }
}
