package org.inspectorate.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The draw's deterministic random source. Key = HMAC-SHA256(seed, "inspectorate-draw-v1" || canonical JSON of
 * the witness entropy); block i = HMAC-SHA256(key, i as 8-byte big-endian); the stream is block 0, block 1, …
 * Integers below n come from 4-byte big-endian words by rejection sampling, so none is favoured.
 */
final class RandomStream {

    static final String DOMAIN = "inspectorate-draw-v1";

    private final Mac mac;
    private final byte[] key;
    private final byte[] counterBytes = new byte[8];
    private byte[] block = new byte[0];
    private int position;
    private long counter;

    RandomStream(byte[] seed, List<String> witnessEntropy) {
        this.key = deriveKey(seed, witnessEntropy);
        this.mac = hmac(key);
    }

    static byte[] deriveKey(byte[] seed, List<String> witnessEntropy) {
        Mac m = hmac(seed);
        m.update(DOMAIN.getBytes(StandardCharsets.UTF_8));
        m.update(CanonicalJson.bytes(witnessEntropy));
        return m.doFinal();
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    byte[] key() {
        return key.clone();
    }

    /** Number of 32-byte blocks produced so far. */
    long blocks() {
        return counter;
    }

    private int nextByte() {
        if (position == block.length) {
            long c = counter++;
            for (int i = 7; i >= 0; i--) {
                counterBytes[i] = (byte) c;
                c >>>= 8;
            }
            block = mac.doFinal(counterBytes);
            position = 0;
        }
        return block[position++] & 0xff;
    }

    /** The next 4 bytes of the stream as an unsigned big-endian integer. */
    long nextUint32() {
        return ((long) nextByte() << 24) | (nextByte() << 16) | (nextByte() << 8) | nextByte();
    }

    /**
     * A uniform integer in [0, n): for n = 1 it is 0 and consumes nothing; otherwise draw 4-byte words x until
     * x &lt; 2^32 - (2^32 mod n) and answer x mod n.
     */
    int uniform(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("uniform needs n >= 1, was " + n);
        }
        if (n == 1) {
            return 0;
        }
        long limit = (1L << 32) - ((1L << 32) % n);
        while (true) {
            long x = nextUint32();
            if (x < limit) {
                return (int) (x % n);
            }
        }
    }
}
