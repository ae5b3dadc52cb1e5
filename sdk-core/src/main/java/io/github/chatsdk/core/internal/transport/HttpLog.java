package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.LogLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * The transport's log: one entry per attempt at INFO; at DEBUG also the request line with its
 * headers, the request body, the response status with its headers and the response body, bodies
 * truncated. Every entry is one line. Credential headers are always redacted, and the secret itself
 * is scrubbed from every entry in case a server echoes it. Where the entries go is
 * {@link LogOutput}'s choice, made when the client is built.
 */
final class HttpLog {
    /** Longest body shown at DEBUG. */
    static final int MAX_LOGGED_BODY = 4096;
    private static final System.Logger LOGGER = System.getLogger(LogLevel.LOGGER_NAME);
    /** Redacted for every API; each API adds the headers of its own credentials. */
    private static final Set<String> ALWAYS_REDACTED = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");

    private final LogLevel level;
    private final LogOutput out;
    private final String product;
    private final Set<String> redacted;

    HttpLog(LogLevel level, String product, List<String> credentialHeaders) {
        this.level = level;
        this.out = LogOutput.forLevel(level);
        this.product = product;
        Set<String> names = new HashSet<>(ALWAYS_REDACTED);
        for (String h : credentialHeaders) {
            names.add(h.toLowerCase(Locale.ROOT));
        }
        this.redacted = Set.copyOf(names);
    }

    boolean info() {
        return level != LogLevel.OFF && out.isLoggable(System.Logger.Level.INFO);
    }

    boolean debug() {
        return level == LogLevel.DEBUG && out.isLoggable(System.Logger.Level.DEBUG);
    }

    void request(Request request, int attempt, int maxAttempts, Secret secret) {
        if (!debug()) {
            return;
        }
        StringBuilder sb = new StringBuilder(product).append(" --> ").append(request.method()).append(' ')
                .append(request.url()).append(" (attempt ").append(attempt).append(" of ").append(maxAttempts)
                .append(')');
        RequestBody body = request.body();
        if (body != null) {
            // what OkHttp sends from the body, as its own logging interceptor shows it
            MediaType type = body.contentType();
            if (type != null && request.header("Content-Type") == null) {
                sb.append(" | Content-Type: ").append(type);
            }
            long length = contentLength(body);
            if (length >= 0 && request.header("Content-Length") == null) {
                sb.append(" | Content-Length: ").append(length);
            }
        }
        headers(sb, request.headers());
        out.log(System.Logger.Level.DEBUG, secret.scrub(sb.toString()));
        if (body != null) {
            out.log(System.Logger.Level.DEBUG, secret.scrub(product + " --> body of " + request.method() + ' '
                    + request.url() + ": " + requestBody(body)));
        }
    }

    void response(Request request, Response response, int attempt, int maxAttempts, long millis, Secret secret) {
        if (!info()) {
            return;
        }
        StringBuilder sb = new StringBuilder(product).append(' ').append(request.method()).append(' ')
                .append(request.url()).append(" -> ").append(response.code()).append(" in ").append(millis)
                .append(" ms (attempt ").append(attempt).append(" of ").append(maxAttempts).append(')');
        String requestId = response.header("x-request-id");
        if (requestId != null) {
            sb.append(" [request ").append(clip(requestId, 100)).append(']');
        }
        out.log(System.Logger.Level.INFO, secret.scrub(sb.toString()));
        if (debug()) {
            StringBuilder d = new StringBuilder(product).append(" <-- ").append(response.code()).append(' ')
                    .append(request.url());
            headers(d, response.headers());
            out.log(System.Logger.Level.DEBUG, secret.scrub(d.toString()));
        }
    }

    void responseBody(Request request, String body, boolean complete, Secret secret) {
        if (!debug()) {
            return;
        }
        String shown = body.length() <= MAX_LOGGED_BODY ? body
                : body.substring(0, MAX_LOGGED_BODY) + "...[" + (body.length() - MAX_LOGGED_BODY) + " more chars]";
        out.log(System.Logger.Level.DEBUG, secret.scrub(product + " <-- body of " + request.url()
                + (complete ? "" : " (only the first part was read)") + ": " + shown));
    }

    void failure(Request request, String what, IOException e, int attempt, int maxAttempts, long millis,
            Secret secret) {
        if (!info()) {
            return;
        }
        out.log(System.Logger.Level.INFO, secret.scrub(product + ' ' + request.method() + ' ' + request.url()
                + " -> " + what + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + clip(e.getMessage(), 300)) + " after " + millis
                + " ms (attempt " + attempt + " of " + maxAttempts + ')'));
    }

    void retry(Request request, Duration delay, String reason) {
        retry(request.method(), request.url(), delay, reason);
    }

    void retry(String method, Object url, Duration delay, String reason) {
        if (info()) {
            out.log(System.Logger.Level.INFO, product + ' ' + method + ' ' + url + ": retrying in "
                    + delay.toMillis() + " ms (" + reason + ')');
        }
    }

    void note(Request request, String message) {
        note(request.method(), request.url(), message);
    }

    void note(String method, Object url, String message) {
        if (info()) {
            out.log(System.Logger.Level.INFO, product + ' ' + method + ' ' + url + ": " + message);
        }
    }

    /**
     * A warning, logged whatever the level (a listener that failed, for example), always to
     * {@link System.Logger}: it is not a request entry, and it is logged at most once per listener.
     */
    static void warning(String message, Throwable cause) {
        LOGGER.log(System.Logger.Level.WARNING, message, cause);
    }

    private void headers(StringBuilder sb, Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            sb.append(" | ").append(name).append(": ")
                    .append(redacted.contains(name.toLowerCase(Locale.ROOT)) ? "[redacted]" : headers.value(i));
        }
    }

    private static String requestBody(RequestBody body) {
        try {
            long length = body.contentLength();
            MediaType type = body.contentType();
            boolean text = type == null || "text".equals(type.type()) || type.subtype().contains("json")
                    || type.subtype().contains("x-www-form-urlencoded");
            if (body.isOneShot() || body.isDuplex() || !text || length < 0 || length > 64 * 1024) {
                return "[" + (length < 0 ? "unknown-length" : length + "-byte") + " body]";
            }
            Buffer buffer = new Buffer();
            body.writeTo(buffer);
            String s = buffer.readString(StandardCharsets.UTF_8);
            return s.length() <= MAX_LOGGED_BODY ? s
                    : s.substring(0, MAX_LOGGED_BODY) + "...[" + (s.length() - MAX_LOGGED_BODY) + " more chars]";
        } catch (IOException | RuntimeException e) {
            return "[body not shown: " + e.getClass().getSimpleName() + "]";
        }
    }

    private static long contentLength(RequestBody body) {
        try {
            return body.contentLength();
        } catch (IOException e) {
            return -1;
        }
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    /** The secret sent on one attempt, to scrub from anything logged or kept in an exception. */
    static final class Secret {
        static final Secret NONE = new Secret(null);
        /** Shorter values are not scrubbed: replacing every "k" would garble text and protect nothing real. */
        static final int MIN_SCRUBBED_LENGTH = 6;
        private final String value;

        Secret(String value) {
            this.value = value != null && value.length() >= MIN_SCRUBBED_LENGTH ? value : null;
        }

        String scrub(String s) {
            return value == null || s == null || !s.contains(value) ? s : s.replace(value, "[redacted]");
        }
    }
}
