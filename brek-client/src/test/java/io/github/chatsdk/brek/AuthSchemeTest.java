package io.github.chatsdk.brek;

import static io.github.chatsdk.brek.SpecExamples.EVENTS;
import static io.github.chatsdk.brek.SpecExamples.SESSION;
import static io.github.chatsdk.brek.SpecExamples.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.core.LogLevel;
import io.github.chatsdk.testsupport.LogCapture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each auth scheme sends its one header, and no other credential header, on every operation; the
 * scheme can be chosen from the environment ({@code BREK_AUTH_SCHEME}).
 */
class AuthSchemeTest extends BrekServerTest {
    private static final List<String> CREDENTIAL_HEADERS = List.of("x-partner-api-key", "Authorization", "api-key");

    private static String headerOf(BrekAuthScheme scheme) {
        switch (scheme) {
            case BEARER:
                return "Authorization";
            case LEGACY_API_KEY:
                return "api-key";
            default:
                return "x-partner-api-key";
        }
    }

    private static String valueOf(BrekAuthScheme scheme, String key) {
        return scheme == BrekAuthScheme.BEARER ? "Bearer " + key : key;
    }

    /** Runs all three operations and checks that each request carries exactly the one credential. */
    private void assertEveryOperationSendsOnly(BrekClient client, BrekAuthScheme scheme, String key)
            throws InterruptedException {
        server.enqueue(ok(SpecExamples.response(SESSIONS, "post", "200", "success")));
        server.enqueue(ok(SpecExamples.response(EVENTS, "post", "200", "shortlist")));
        server.enqueue(ok(SpecExamples.response(SESSION, "get", "200", "success")));

        client.sessions().create(CreateSession.forActor("partner_user_001"));
        client.events().sendText(SESSION_ID, "partner_user_001", "Seattle");
        client.sessions().get(SESSION_ID);

        for (int i = 0; i < 3; i++) {
            RecordedRequest r = takeRequest();
            for (String h : CREDENTIAL_HEADERS) {
                if (h.equals(headerOf(scheme))) {
                    assertEquals(List.of(valueOf(scheme, key)), r.getHeaders().values(h), r.getPath() + " " + h);
                } else {
                    assertNull(r.getHeader(h), r.getPath() + " must not send " + h);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BrekAuthScheme.class)
    void eachSchemeSendsItsOneHeaderAndNoOtherCredential(BrekAuthScheme scheme) throws Exception {
        BrekClient client = track(builder().authScheme(scheme).build());

        assertEquals(scheme, client.authScheme());
        assertEveryOperationSendsOnly(client, scheme, API_KEY);
    }

    @Test
    void thePartnerApiKeyHeaderIsTheDefault() throws Exception {
        BrekClient client = client();

        assertEquals(BrekAuthScheme.PARTNER_API_KEY, client.authScheme());
        assertEveryOperationSendsOnly(client, BrekAuthScheme.PARTNER_API_KEY, API_KEY);
    }

    static Stream<Arguments> envSchemes() {
        return Stream.of(
                Arguments.of("header", BrekAuthScheme.PARTNER_API_KEY),
                Arguments.of("bearer", BrekAuthScheme.BEARER),
                Arguments.of("legacy", BrekAuthScheme.LEGACY_API_KEY),
                Arguments.of(" Bearer ", BrekAuthScheme.BEARER),
                Arguments.of("LEGACY", BrekAuthScheme.LEGACY_API_KEY));
    }

    @ParameterizedTest(name = "BREK_AUTH_SCHEME={0}")
    @MethodSource("envSchemes")
    void fromEnvChoosesTheSchemeNamedInBrekAuthScheme(String value, BrekAuthScheme expected) throws Exception {
        Map<String, String> env = env(value);

        BrekClient client = track(BrekClient.builder().fromEnv(env).sleeper(sleeper).build());

        assertEquals(expected, client.authScheme());
        assertEquals(server.url("/").toString().replaceAll("/$", ""), client.baseUrl());
        assertEveryOperationSendsOnly(client, expected, "env-key-42");
    }

    @Test
    void fromEnvWithoutBrekAuthSchemeUsesThePartnerApiKeyHeader() throws Exception {
        Map<String, String> env = env(null);

        BrekClient client = track(BrekClient.builder().fromEnv(env).sleeper(sleeper).build());

        assertEveryOperationSendsOnly(client, BrekAuthScheme.PARTNER_API_KEY, "env-key-42");
    }

    @Test
    void settingsMadeAfterFromEnvOverrideTheEnvironment() throws Exception {
        Map<String, String> env = env("legacy");

        BrekClient client = track(BrekClient.builder().fromEnv(env).authScheme(BrekAuthScheme.BEARER)
                .apiKey(API_KEY).sleeper(sleeper).build());

        assertEveryOperationSendsOnly(client, BrekAuthScheme.BEARER, API_KEY);
    }

    @Test
    void fromEnvRefusesAnUnknownSchemeNamingTheVariable() {
        Map<String, String> env = env("basic");

        InvalidInputException e = expect(InvalidInputException.class, () -> BrekClient.builder().fromEnv(env));

        assertEquals("BREK_AUTH_SCHEME", e.field());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void fromEnvWithoutBrekApiKeyRefusesToBuildNamingTheKey() {
        Map<String, String> env = new HashMap<>();
        env.put("BREK_BASE_URL", server.url("/").toString());

        InvalidInputException e = expect(InvalidInputException.class,
                () -> BrekClient.builder().fromEnv(env).build());

        assertEquals("apiKey", e.field());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void fromEnvTakesAMapOfTheSameVariables() throws Exception {
        Map<String, String> env = env("bearer");

        BrekClient client = track(BrekClient.builder().fromEnv(env).sleeper(sleeper).build());

        assertEquals(BrekAuthScheme.BEARER, client.authScheme());
        assertEquals(server.url("/").toString().replaceAll("/$", ""), client.baseUrl());
        assertEveryOperationSendsOnly(client, BrekAuthScheme.BEARER, "env-key-42");
    }

    @Test
    void fromEnvReadsTheLogLevelFromChatsdkLog() throws Exception {
        Map<String, String> env = env(null);
        env.put("CHATSDK_LOG", "info");
        server.enqueue(ok(SpecExamples.response(SESSION, "get", "200", "success")));

        try (LogCapture log = LogCapture.start()) {
            BrekClient client = track(BrekClient.builder().fromEnv(env).sleeper(sleeper).build());
            client.sessions().get(SESSION_ID);

            assertTrue(log.text().contains("brek GET "), log.text());
        }
    }

    @Test
    void aLogLevelSetAfterFromEnvOverridesChatsdkLog() throws Exception {
        Map<String, String> env = env(null);
        env.put("CHATSDK_LOG", "debug");
        server.enqueue(ok(SpecExamples.response(SESSION, "get", "200", "success")));

        try (LogCapture log = LogCapture.start()) {
            BrekClient client = track(BrekClient.builder().fromEnv(env).logLevel(LogLevel.OFF).sleeper(sleeper)
                    .build());
            client.sessions().get(SESSION_ID);

            assertEquals("", log.text());
        }
    }

    @Test
    void aKeySupplierIsReadForEveryAttempt() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        BrekClient client = track(builder().apiKey(() -> "rotating-" + reads.incrementAndGet()).build());
        server.enqueue(error(503, ""));
        server.enqueue(ok(SpecExamples.response(EVENTS, "post", "200", "shortlist")));

        client.events().sendText(SESSION_ID, "partner_user_001", "Seattle");

        assertEquals("rotating-1", takeRequest().getHeader("x-partner-api-key"));
        assertEquals("rotating-2", takeRequest().getHeader("x-partner-api-key"));
    }

    private Map<String, String> env(String scheme) {
        Map<String, String> env = new HashMap<>();
        env.put("BREK_API_KEY", " env-key-42 ");
        env.put("BREK_BASE_URL", server.url("/").toString());
        if (scheme != null) {
            env.put("BREK_AUTH_SCHEME", scheme);
        }
        return env;
    }
}
