package io.github.chatsdk.opentelemetry;

import io.opentelemetry.api.common.Attributes;

/**
 * The {@code server.address} and {@code server.port} of a call's URL, read without parsing the
 * whole URL (the port is the scheme's default when the URL names none).
 */
final class Origin {
    final String host;
    final int port;

    private Origin(String host, int port) {
        this.host = host;
        this.port = port;
    }

    static Origin of(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return new Origin("", -1);
        }
        boolean https = url.regionMatches(true, 0, "https", 0, schemeEnd);
        int start = schemeEnd + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        if (at >= start) {
            start = at + 1; // user info: never present in a chatsdk URL, never reported
        }
        String authority = url.substring(start, end);
        int colon = authority.lastIndexOf(':');
        if (colon > authority.lastIndexOf(']')) {
            String host = authority.substring(0, colon);
            try {
                return new Origin(bare(host), Integer.parseInt(authority.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return new Origin(bare(host), https ? 443 : 80);
            }
        }
        return new Origin(bare(authority), https ? 443 : 80);
    }

    /** {@code [::1]} as {@code ::1}, as the semantic conventions write IPv6 addresses. */
    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The attributes of the rate-limit gauge: the API (from the operation's prefix) on this server. */
    Attributes rateLimitAttributes(String operation) {
        int dot = operation.indexOf('.');
        return Attributes.of(Names.API, dot < 0 ? operation : operation.substring(0, dot),
                Names.SERVER_ADDRESS, host, Names.SERVER_PORT, (long) port);
    }
}
