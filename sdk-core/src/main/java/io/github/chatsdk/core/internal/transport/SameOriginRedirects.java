package io.github.chatsdk.core.internal.transport;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows redirects only within the origin (scheme, host and port) of the request. OkHttp's own
 * redirect handling is off because on a cross-host redirect it strips only {@code Authorization},
 * not API-key headers. A redirect to another origin is returned as is and becomes an
 * {@link io.github.chatsdk.core.UnexpectedStatusException}: no credential ever leaves the origin.
 */
final class SameOriginRedirects implements Interceptor {
    private static final int MAX_HOPS = 5;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Request next = followUp(request, response);
            if (next == null) {
                return response;
            }
            response.close();
            request = next;
            response = chain.proceed(request);
        }
        return response;
    }

    private static Request followUp(Request request, Response response) {
        int code = response.code();
        boolean preservesMethod = code == 307 || code == 308;
        boolean redirect = preservesMethod || code == 301 || code == 302 || code == 303;
        if (!redirect) {
            return null;
        }
        String method = request.method();
        if (!preservesMethod && !("GET".equals(method) || "HEAD".equals(method))) {
            return null; // turning a POST into a GET would drop the request: let the caller see it
        }
        String location = response.header("Location");
        HttpUrl target = location == null ? null : request.url().resolve(location);
        if (target == null || !sameOrigin(request.url(), target)) {
            return null;
        }
        return request.newBuilder().url(target).build();
    }

    static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }
}
