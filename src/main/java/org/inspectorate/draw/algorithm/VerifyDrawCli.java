package org.inspectorate.draw.algorithm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Stand-alone verifier of a published draw, no Spring and no database:
 * {@code VerifyDrawCli <published-draw.json> [--commitment <digest>]}. Prints {@code MATCH} (exit 0) or
 * {@code MISMATCH} with the reasons (exit 1); usage errors exit 2. With {@code --commitment} it also checks
 * that the file's commitment is the one published when the draw was scheduled.
 */
public final class VerifyDrawCli {

    /** Why a readable file that is not its own canonical form is refused (docs/draw-algorithm.md, "Strictness"). */
    static final String NOT_CANONICAL = "the file is not byte for byte its canonical JSON (no byte order mark, no "
            + "white space, members and lists in canonical order, lower-case hex)";

    private VerifyDrawCli() {
    }

    /**
     * The SHA-256 of the canonical file of what was read. A third party's verifier must reach the same verdict from
     * the same bytes, so the file is accepted only as its one canonical form: a re-sorted list or an upper-case digest
     * that a lenient reader repairs would otherwise verify here and be refused elsewhere.
     */
    private static byte[] canonicalDigest(PublishedDraw draw) throws IOException {
        MessageDigest written = sha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), written)) {
            draw.writeJson(out);
        }
        return written.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        if (!(args.length == 1 || (args.length == 3 && "--commitment".equals(args[1])))) {
            out.println("usage: VerifyDrawCli <published-draw.json> [--commitment <sha256 of the commitment>]");
            return 2;
        }
        PublishedDraw draw;
        MessageDigest read = sha256();
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(Path.of(args[0])),
                1 << 16), read)) {
            draw = PublishedDraw.fromJson(in);
            if (!Arrays.equals(read.digest(), canonicalDigest(draw))) {
                throw new IllegalArgumentException(NOT_CANONICAL);
            }
        } catch (IOException e) {
            out.println("MISMATCH");
            out.println("  cannot read " + args[0] + ": " + e);
            return 1;
        } catch (IllegalArgumentException e) {
            out.println("MISMATCH");
            out.println("  not a valid published draw: " + e.getMessage());
            return 1;
        }
        Verification v = DrawVerifier.verify(draw);
        String digest = draw.commitment().digest();
        boolean commitmentOk = args.length == 1 || digest.equals(args[2].toLowerCase(Locale.ROOT));
        if (v.matches() && commitmentOk) {
            out.println("MATCH");
        } else {
            out.println("MISMATCH");
            if (!commitmentOk) {
                out.println("  the file's commitment has digest " + digest + ", not the published " + args[2]);
            }
            v.reasons().forEach(r -> out.println("  " + r));
        }
        out.println("commitment digest: " + digest + " (compare with the one published at scheduling)");
        out.println("draw date: " + draw.commitment().drawDate() + ", snapshot: " + draw.snapshot().targets().size()
                + " targets, " + draw.snapshot().inspectors().size() + " inspectors; result: " + draw.result().size()
                + " targets, digest " + DrawResult.digest(draw.result()));
        for (EarlierRound e : draw.earlierRounds()) { // each commitment was announced too: compare them all
            out.println("earlier round " + e.round() + ": " + e.outcome()
                    + (e.infeasibleAt() != null ? " at target " + e.infeasibleAt() : "") + ", commitment digest "
                    + e.commitment().digest());
        }
        return v.matches() && commitmentOk ? 0 : 1;
    }
}
