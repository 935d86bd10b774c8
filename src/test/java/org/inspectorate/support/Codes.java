package org.inspectorate.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Valid, unique identifiers for fixtures, so that tests never collide on a shared database. */
public final class Codes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private static final AtomicLong NEXT_LICENCE = new AtomicLong(ThreadLocalRandom.current().nextInt(10_000_000));

    private Codes() {
    }

    /** A random unified social credit code with a correct check character, registered in {@code division}. */
    public static String creditCode(String division) {
        StringBuilder code = new StringBuilder("91").append(division);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (code.length() < 17) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return code.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    public static String creditCode() {
        return creditCode("110000");
    }

    /**
     * A licence number, provincial when {@code abbreviation} is given, else cross-regional; never the same twice in a
     * test run. Seven digits drawn at random collided once a suite registered a few thousand enterprises on one
     * database (the birthday bound of 10⁷ numbers), so they count on from a random start instead.
     */
    public static String licence(String abbreviation) {
        return (abbreviation == null ? "" : abbreviation) + "B2-2" + String.format("%07d",
                NEXT_LICENCE.getAndIncrement() % 10_000_000);
    }

    public static String username(String prefix) {
        return prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }
}
