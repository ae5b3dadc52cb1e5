package io.github.chatsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.chatsdk.testsupport.SpecValidator;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * Checks sandbox traffic against the vendor specs with the independent validator of test-support:
 * every request the sandbox recorded (as a {@link RecordedRequest}) and every response, seen from
 * the client and from the sandbox's log.
 */
final class SpecChecks {
    /** A request header our tests add to requests that are meant to break the spec. */
    static final String EXPECT_INVALID = "x-test-expect-invalid";

    static final SpecValidator BREK = SpecValidator.brek();
    static final SpecValidator HELVIA = SpecValidator.helvia();

    private static final String BREK_SESSIONS = "/api/partner/v1/core-chat/sessions";
    private static final String BREK_EVENTS = "/api/partner/v1/core-chat/events";
    private static final Set<Integer> CREATE_STATUSES = Set.of(200, 400, 401, 403, 429, 500);
    private static final Set<Integer> EVENT_STATUSES = Set.of(200, 400, 401, 403, 404, 409, 429, 500);
    private static final Set<Integer> GET_STATUSES = Set.of(200, 400, 401, 403, 404, 429, 500);
    private static final Set<Integer> HELVIA_POST_STATUSES = Set.of(200, 400, 401, 403, 500);

    private SpecChecks() {
    }

    /** The recorded request as MockWebServer would have recorded it, for {@code assertValidRequest}. */
    static RecordedRequest toRecorded(SandboxRequest r) {
        String line = r.method() + " " + r.path() + r.query().map(q -> "?" + q).orElse("") + " HTTP/1.1";
        Headers.Builder headers = new Headers.Builder();
        r.headers().forEach((name, values) -> values.forEach(v -> headers.addUnsafeNonAscii(name, v)));
        Buffer body = new Buffer().writeUtf8(r.body());
        // an unconnected socket: RecordedRequest reads only its (absent) TLS state and local port
        return new RecordedRequest(line, headers.build(), List.of(), body.size(), body, r.sequence(), new Socket());
    }

    /** Every request and every decided response in the log conforms (or breaks the spec on purpose). */
    static void assertLogConforms(SpecValidator validator, boolean brek, List<SandboxRequest> log) {
        for (SandboxRequest r : log) {
            RecordedRequest recorded = toRecorded(r);
            if (r.header(EXPECT_INVALID).isPresent()) {
                assertFalse(validator.requestViolations(recorded).isEmpty(),
                        "expected the spec validator to reject " + r);
            } else {
                validator.assertValidRequest(recorded);
            }
            if (r.responseStatus() != 0) {
                Headers.Builder h = new Headers.Builder();
                for (Map.Entry<String, List<String>> e : r.responseHeaders().entrySet()) {
                    e.getValue().forEach(v -> h.addUnsafeNonAscii(e.getKey(), v));
                }
                assertResponse(validator, brek, r.method(), r.path(), r.responseStatus(), h.build(), r.responseBody());
            }
        }
    }

    /**
     * Validates one response. A status the spec documents for the operation is validated as is;
     * any other status (an injected 503, a 404 for an unknown route) must still have a documented
     * error body: Brek's {@code GatewayErrorResponse} (validated as GET's 400 or 404), Helvia's
     * {@code ErrorResponse} (validated as POST's 500).
     */
    static void assertResponse(SpecValidator validator, boolean brek, String method, String path, int status,
            Headers headers, String body) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Set<Integer> documented;
        String asMethod = method;
        String asPath = p;
        if (brek) {
            if (p.equals(BREK_SESSIONS) && method.equals("POST")) {
                documented = CREATE_STATUSES;
            } else if (p.equals(BREK_EVENTS) && method.equals("POST")) {
                documented = EVENT_STATUSES;
            } else if (p.startsWith(BREK_SESSIONS + "/") && method.equals("GET") && p.length() > BREK_SESSIONS.length() + 1
                    && p.indexOf('/', BREK_SESSIONS.length() + 1) < 0) {
                documented = GET_STATUSES;
            } else {
                documented = Set.of();
            }
            if (!documented.contains(status)) {
                // GatewayErrorResponse also matches ValidationErrorResponse, so it cannot be checked
                // against the 500's oneOf: check it against GET's 400 or 404, which are exactly that
                asMethod = "GET";
                asPath = BREK_SESSIONS + "/any";
            }
        } else {
            if (p.equals("/api/events") && method.equals("GET")) {
                documented = Set.of(200);
            } else if (p.equals("/api/events") && method.equals("POST")) {
                documented = HELVIA_POST_STATUSES;
            } else {
                documented = Set.of();
            }
            if (!documented.contains(status)) {
                asMethod = "POST";
                asPath = "/api/events";
            }
        }
        if (documented.contains(status)) {
            validator.assertValidResponse(method, path, status, headers, body);
        } else if (brek) {
            validator.assertValidResponse(asMethod, asPath, status == 400 ? 400 : 404, headers, body);
        } else {
            validator.assertValidResponse(asMethod, asPath, 500, headers, body);
        }
    }
}
