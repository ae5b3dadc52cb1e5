package io.github.chatsdk.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;

/** Assertions the shared suites and client tests use. */
public final class FaultAssertions {
    /** The header the SDK puts on every retry. */
    public static final String RETRY_COUNT_HEADER = "x-chatsdk-retry-count";

    private FaultAssertions() {
    }

    /** The first attempt has no retry-count header; attempt i+1 has the value i. */
    public static void assertRetryCountHeaders(List<RecordedRequest> attempts) {
        for (int i = 0; i < attempts.size(); i++) {
            String value = attempts.get(i).getHeader(RETRY_COUNT_HEADER);
            if (i == 0) {
                assertNull(value, "the first attempt carries no retry count");
            } else {
                assertEquals(Integer.toString(i), value, "retry count of attempt " + (i + 1));
            }
        }
    }

    /**
     * Asserts exactly {@code n} delays, the i-th (1-based) within [50%, 100%] of
     * {@code base × 2^(i-1)}, capped at 8 s: exponential backoff with jitter.
     */
    public static void assertBackoff(List<Duration> delays, int n, Duration base) {
        assertEquals(n, delays.size(), "delays asked of the sleeper: " + delays);
        for (int i = 0; i < n; i++) {
            long full = Math.min(8000, base.toMillis() << i);
            long d = delays.get(i).toMillis();
            assertTrue(d >= full / 2 && d <= full, "delay " + (i + 1) + " = " + d + " ms, expected within ["
                    + full / 2 + ", " + full + "]");
        }
    }
}
