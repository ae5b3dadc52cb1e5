package io.github.chatsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestOptionsTest {
    @Test
    void defaultsOverrideNothing() {
        RequestOptions d = RequestOptions.defaults();
        assertFalse(d.maxRetries().isPresent());
        assertFalse(d.timeout().isPresent());
        assertFalse(d.connectTimeout().isPresent());
        assertFalse(d.readTimeout().isPresent());
        assertFalse(d.writeTimeout().isPresent());
        assertTrue(d.headers().isEmpty());
    }

    @Test
    void builderSetsEveryOptionAndToBuilderCopiesThem() {
        RequestOptions o = RequestOptions.builder().maxRetries(0).timeout(Duration.ofSeconds(5))
                .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(2))
                .writeTimeout(Duration.ofSeconds(3)).header("x-trace-id", "t1").build();
        assertEquals(0, o.maxRetries().getAsInt());
        assertEquals(Optional.of(Duration.ofSeconds(5)), o.timeout());
        assertEquals(Optional.of(Duration.ofSeconds(1)), o.connectTimeout());
        assertEquals(Optional.of(Duration.ofSeconds(2)), o.readTimeout());
        assertEquals(Optional.of(Duration.ofSeconds(3)), o.writeTimeout());
        assertEquals(Map.of("x-trace-id", "t1"), o.headers());
        assertEquals(o, o.toBuilder().build());
        RequestOptions more = o.toBuilder().maxRetries(4).build();
        assertEquals(4, more.maxRetries().getAsInt());
        assertEquals(0, o.maxRetries().getAsInt(), "the original is unchanged");
    }

    @Test
    void refusesNegativeRetriesNonPositiveTimeoutsAndCredentialHeaders() {
        assertThrows(InvalidInputException.class, () -> RequestOptions.builder().maxRetries(-1));
        assertThrows(InvalidInputException.class, () -> RequestOptions.builder().timeout(Duration.ZERO));
        assertThrows(InvalidInputException.class, () -> RequestOptions.builder().readTimeout(Duration.ofMillis(-1)));
        for (String name : new String[] {"Authorization", "x-partner-api-key", "api-key", "Proxy-Authorization",
                "Cookie", "User-Agent", "x-chatsdk-retry-count", "Host", "X-Auth-Token"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> RequestOptions.builder().header(name, "secret-value-123"), name);
            assertFalse(e.getMessage().contains("secret-value-123"));
        }
        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> RequestOptions.builder().header("x-ok", "line\nbreak-secret"));
        assertFalse(bad.getMessage().contains("break-secret"));
    }

    @Test
    void logLevelParsesTheEnvironmentValuesInAnyCase() {
        assertEquals(Optional.of(LogLevel.DEBUG), LogLevel.parse("debug"));
        assertEquals(Optional.of(LogLevel.INFO), LogLevel.parse(" INFO "));
        assertEquals(Optional.of(LogLevel.OFF), LogLevel.parse("Off"));
        assertEquals(Optional.empty(), LogLevel.parse("verbose"));
        assertEquals(Optional.empty(), LogLevel.parse(null));
    }
}
