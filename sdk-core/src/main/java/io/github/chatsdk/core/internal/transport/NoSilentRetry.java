package io.github.chatsdk.core.internal.transport;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from resending a request on its own after {@code 503} with {@code Retry-After: 0}.
 * OkHttp's internal follow-up step does that once, for any method and whatever
 * {@code retryOnConnectionFailure} says, so a non-idempotent POST (a Helvia message, a Brek
 * session) would reach the server twice behind the retry policy's back. The network interceptor
 * {@link #HIDE} moves the {@code Retry-After} of a 503 to a private header before that step sees
 * it; the application interceptor {@link #RESTORE} puts it back before the transport reads it.
 */
final class NoSilentRetry {
    static final String HIDDEN = "x-chatsdk-hidden-retry-after";

    /** Network interceptor: hides a 503's {@code Retry-After} from OkHttp's follow-up step. */
    static final Interceptor HIDE = chain -> {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.code() == 503 ? response.header("Retry-After") : null;
        if (retryAfter == null) {
            return response;
        }
        return response.newBuilder().removeHeader("Retry-After").header(HIDDEN, retryAfter).build();
    };

    /** Application interceptor: restores the hidden header. */
    static final Interceptor RESTORE = new Interceptor() {
        @Override
        public Response intercept(Chain chain) throws IOException {
            Response response = chain.proceed(chain.request());
            String hidden = response.header(HIDDEN);
            if (hidden == null) {
                return response;
            }
            return response.newBuilder().removeHeader(HIDDEN).header("Retry-After", hidden).build();
        }
    };

    private NoSilentRetry() {
    }
}
