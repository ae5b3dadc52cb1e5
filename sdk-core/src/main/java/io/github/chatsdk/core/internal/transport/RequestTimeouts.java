package io.github.chatsdk.core.internal.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Applies per-request connect, read and write timeouts, found through the call's {@link Attempts}
 * entry. It is an application interceptor, the only place where OkHttp lets a call change its
 * connect timeout.
 */
final class RequestTimeouts implements Interceptor {
    private final Attempts attempts;

    RequestTimeouts(Attempts attempts) {
        this.attempts = attempts;
    }

    /** The per-request timeouts; {@code null} members keep the client's. */
    static final class Overrides {
        final Duration connect;
        final Duration read;
        final Duration write;

        Overrides(Duration connect, Duration read, Duration write) {
            this.connect = connect;
            this.read = read;
            this.write = write;
        }

        boolean isEmpty() {
            return connect == null && read == null && write == null;
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        ConnectionGuard.AttemptState state = attempts.of(chain);
        Overrides t = state == null ? null : state.timeouts;
        if (t == null) {
            return chain.proceed(chain.request());
        }
        Chain c = chain;
        if (t.connect != null) {
            c = c.withConnectTimeout((int) Math.min(Integer.MAX_VALUE, t.connect.toMillis()), TimeUnit.MILLISECONDS);
        }
        if (t.read != null) {
            c = c.withReadTimeout((int) Math.min(Integer.MAX_VALUE, t.read.toMillis()), TimeUnit.MILLISECONDS);
        }
        if (t.write != null) {
            c = c.withWriteTimeout((int) Math.min(Integer.MAX_VALUE, t.write.toMillis()), TimeUnit.MILLISECONDS);
        }
        return c.proceed(chain.request());
    }
}
