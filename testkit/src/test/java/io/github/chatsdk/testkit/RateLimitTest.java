package io.github.chatsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    static final String CREATE = "{\"actor\":{\"actorId\":\"a\"}}";

    ManualClock clock = new ManualClock(Instant.parse("2026-02-18T23:22:10Z"));
    BrekSandbox brek;
    Http http;

    @BeforeEach
    void start() {
        brek = BrekSandbox.builder()
                .partner("acme-1", "acme").partner("acme-2", "acme").partner("globex-1", "globex")
                .rateLimitPerMinute(3).clock(clock).start();
        http = new Http(brek.baseUrl(), SpecChecks.BREK, true);
    }

    @AfterEach
    void checkAndStop() {
        try {
            SpecChecks.assertLogConforms(SpecChecks.BREK, true, brek.requests());
        } finally {
            brek.close();
        }
    }

    Http.Res create(String key) {
        return http.post(BrekSandboxTest.SESSIONS, CREATE, "x-partner-api-key", key);
    }

    @Test
    void theLimitIsPerPartnerPerClockMinute() {
        assertEquals("2", create("acme-1").header("x-ratelimit-remaining"));
        assertEquals("1", create("acme-2").header("x-ratelimit-remaining"), "keys of one partner share its limit");
        Http.Res third = create("acme-1");
        assertEquals("3", third.header("x-ratelimit-limit"));
        assertEquals("0", third.header("x-ratelimit-remaining"));

        Http.Res limited = create("acme-1");
        BrekSandboxTest.assertErrorBody(limited, 429, "Exceeded 3 requests per minute", "rate_limited");
        assertEquals("acme", limited.json().getAsJsonObject("details").get("partnerId").getAsString());
        assertEquals("0", limited.header("x-ratelimit-remaining"));
        assertEquals("acme", limited.header("x-partner-id"));
        assertEquals("50", limited.header("retry-after"), "until 23:23:00");

        assertEquals("2", create("globex-1").header("x-ratelimit-remaining"), "another partner has its own window");

        clock.advance(Duration.ofSeconds(49));
        Http.Res stillLimited = create("acme-1");
        assertEquals(429, stillLimited.status);
        assertEquals("1", stillLimited.header("retry-after"), "one second left in the window");
        clock.advance(Duration.ofSeconds(1));
        Http.Res fresh = create("acme-1");
        assertEquals(200, fresh.status);
        assertEquals("2", fresh.header("x-ratelimit-remaining"));
    }

    @Test
    void aShortWindowCountsInWholeMultiplesOfItsLengthAndAsksToRetryInWholeSeconds() {
        brek.close();
        clock = new ManualClock(Instant.parse("2026-02-18T23:22:10.250Z"));
        brek = BrekSandbox.builder().partner("acme-1", "acme").rateLimit(2, Duration.ofMillis(500)).clock(clock)
                .start();
        http = new Http(brek.baseUrl(), SpecChecks.BREK, true);

        assertEquals("1", create("acme-1").header("x-ratelimit-remaining"));
        Http.Res second = create("acme-1");
        assertEquals("2", second.header("x-ratelimit-limit"));
        assertEquals("0", second.header("x-ratelimit-remaining"));
        Http.Res limited = create("acme-1");
        BrekSandboxTest.assertErrorBody(limited, 429, "Exceeded 2 requests per 500 ms", "rate_limited");
        assertEquals("1", limited.header("retry-after"), "250 ms left, rounded up to a whole second");

        clock.advance(Duration.ofMillis(249));
        assertEquals(429, create("acme-1").status, "still the window 10.000-10.500");
        clock.advance(Duration.ofMillis(1));
        assertEquals("1", create("acme-1").header("x-ratelimit-remaining"), "a new window at 10.500");
    }

    @Test
    void aMinuteLongWindowIsTheSameAsAPerMinuteLimit() {
        brek.close();
        brek = BrekSandbox.builder().partner("acme-1", "acme").rateLimit(1, Duration.ofMinutes(1)).clock(clock)
                .start();
        http = new Http(brek.baseUrl(), SpecChecks.BREK, true);
        create("acme-1");
        Http.Res limited = create("acme-1");
        BrekSandboxTest.assertErrorBody(limited, 429, "Exceeded 1 requests per minute", "rate_limited");
        assertEquals("50", limited.header("retry-after"));
    }

    @Test
    void aWindowMustBeWholeMillisecondsUpToADay() {
        BrekSandbox.Builder b = BrekSandbox.builder();
        assertThrows(IllegalArgumentException.class,
                () -> b.rateLimit(1, Duration.ofNanos(1_500_000)));
        assertThrows(IllegalArgumentException.class,
                () -> b.rateLimit(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> b.rateLimit(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> b.rateLimit(1, Duration.ofDays(2)));
    }

    @Test
    void rejectedCredentialsDoNotCountAndGetNoRateHeaders() {
        Http.Res missing = http.post(BrekSandboxTest.SESSIONS, CREATE, SpecChecks.EXPECT_INVALID, "1");
        assertNull(missing.header("x-ratelimit-limit"));
        Http.Res unknown = create("nope");
        assertNull(unknown.header("x-ratelimit-remaining"));
        assertEquals("2", create("acme-1").header("x-ratelimit-remaining"));
    }

    @Test
    void rejectedButAuthenticatedRequestsCount() {
        http.post(BrekSandboxTest.SESSIONS, "{}", "x-partner-api-key", "acme-1", SpecChecks.EXPECT_INVALID, "1");
        assertEquals("1", create("acme-1").header("x-ratelimit-remaining"));
    }
}
