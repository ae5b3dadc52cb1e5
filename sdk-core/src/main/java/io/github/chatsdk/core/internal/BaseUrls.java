package io.github.chatsdk.core.internal;

import io.github.chatsdk.core.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Parses and checks a client's base URL. */
public final class BaseUrls {
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private BaseUrls() {
    }

    /**
     * @param allowInsecureHttp whether plain {@code http://} may go to a host that is not loopback
     * @return the URL without a trailing slash
     */
    public static HttpUrl parse(String url, boolean allowInsecureHttp) {
        Objects.requireNonNull(url, "baseUrl == null");
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            throw new InvalidInputException("baseUrl", "is not an http:// or https:// URL");
        }
        if (!parsed.isHttps() && !allowInsecureHttp && !isLoopback(parsed.host())) {
            throw new InvalidInputException("baseUrl",
                    "uses plain http:// to a host that is not loopback; use https:// or allowInsecureHttp(true)");
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            // never echo the URL: its user info may be a credential
            throw new InvalidInputException("baseUrl", "must not contain user info (user:password@); pass credentials"
                    + " with the builder's credential methods");
        }
        if (parsed.query() != null || parsed.fragment() != null) {
            throw new InvalidInputException("baseUrl", "must not have a query or fragment");
        }
        String s = parsed.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return HttpUrl.get(s);
    }

    public static String asString(HttpUrl url) {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * {@code localhost}, an IPv4 literal in 127.0.0.0/8 or {@code ::1}; never a DNS name that merely
     * starts with {@code 127.}, such as {@code 127.example.com}.
     */
    static boolean isLoopback(String host) {
        return host.equals("localhost") || LOOPBACK_IPV4.matcher(host).matches() || host.equals("::1")
                || host.equals("[::1]") || host.equals("0:0:0:0:0:0:0:1");
    }
}
