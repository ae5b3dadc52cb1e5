package io.github.chatsdk.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * What the lean subclasses of the generated {@code ApiClient}s share: the generated code's
 * per-call waste (a regex compiled for every MIME check, a media type parsed for every body, the
 * URL parsed for every request) done once instead. Behaviour is unchanged: same headers, same
 * bytes on the wire.
 */
public final class GeneratedSupport {
    /** The generated {@code isJsonMime} pattern, compiled once. */
    private static final Pattern JSON_MIME =
            Pattern.compile("(?i)^(application/json|[^;/ \t]+/[^;/ \t]+[+]json)[ \t]*(;.*)?$");
    /** The generated code's JSON content type. */
    public static final String APPLICATION_JSON = "application/json";
    /**
     * The media type OkHttp gives a String body of {@code application/json} (it adds the charset),
     * so the bytes on the wire stay as they were.
     */
    private static final MediaType JSON_UTF8 = MediaType.get("application/json; charset=utf-8");
    /** Distinct request URLs remembered per client before the cache starts over. */
    static final int MAX_CACHED_URLS = 64;

    private GeneratedSupport() {
    }

    /** The generated {@code ApiClient.isJsonMime}, without compiling its regex on every call. */
    public static boolean isJsonMime(String mime) {
        if (mime == null) {
            return false;
        }
        if (APPLICATION_JSON.equals(mime) || "*/*".equals(mime)) {
            return true;
        }
        return JSON_MIME.matcher(mime).matches();
    }

    /** The body the generated code sends for JSON text, encoded once, with a constant media type. */
    public static RequestBody jsonBody(String json) {
        return RequestBody.create(json.getBytes(StandardCharsets.UTF_8), JSON_UTF8);
    }

    /**
     * Parsed request URLs of one client: every call of an operation builds the same URL text, and
     * parsing it is the costliest part of building a request. Bounded: past
     * {@value #MAX_CACHED_URLS} distinct URLs (one per session id, say) it starts over.
     */
    public static final class UrlCache {
        private final ConcurrentHashMap<String, HttpUrl> urls = new ConcurrentHashMap<>();

        /**
         * @param url an absolute http or https URL
         * @return it parsed
         * @throws IllegalArgumentException when it is not a valid URL
         */
        public HttpUrl get(String url) {
            HttpUrl parsed = urls.get(url);
            if (parsed == null) {
                parsed = HttpUrl.get(url);
                if (urls.size() >= MAX_CACHED_URLS) {
                    urls.clear();
                }
                urls.put(url, parsed);
            }
            return parsed;
        }
    }
}
