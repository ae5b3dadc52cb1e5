package io.github.chatsdk.testkit;

import java.time.Clock;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The identifiers one sandbox hands out, from a seeded generator so that a test that sends the
 * same requests in the same order sees the same ids. Thread-safe ({@link Random} is).
 */
final class Ids {
    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] UPPER_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final long seed;
    private final Random random;
    private final AtomicLong lastMillis = new AtomicLong(Long.MIN_VALUE);

    Ids(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** A fresh generator with the original seed, for {@code reset()}. */
    Ids restart() {
        return new Ids(seed);
    }

    /** A random (version 4 layout) UUID from the seeded generator. */
    String uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    String lowerAlnum(int length) {
        return pick(LOWER_ALNUM, length);
    }

    String upperAlnum(int length) {
        return pick(UPPER_ALNUM, length);
    }

    String hex(int length) {
        return pick(HEX, length);
    }

    private String pick(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }

    /**
     * The clock's epoch millis, made strictly increasing across calls, so that ids built from
     * it ({@code evt_<millis>}) stay unique even with a clock that stands still.
     */
    long uniqueMillis(Clock clock) {
        long now = clock.millis();
        return lastMillis.accumulateAndGet(now, (last, n) -> Math.max(last + 1, n));
    }
}
