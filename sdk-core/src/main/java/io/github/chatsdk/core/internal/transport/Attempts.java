package io.github.chatsdk.core.internal.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.Interceptor;

/**
 * The attempts of one transport that are in flight, by their OkHttp {@link Call}: how the
 * transport's interceptors ({@link RequestTimeouts}, {@link ConnectionGuard}) find the state of the
 * attempt they handle, through {@link Interceptor.Chain#call()}.
 *
 * <p>Not request tags: OkHttp 5 keys tags by Kotlin class, and the first tag a JVM sets or reads
 * initialises Kotlin's class-reference tables (about 40 classes, 14–16 ms measured on the
 * benchmark machine), a sixth of the first call's cost over a hand-written OkHttp call. A map keyed
 * by the call costs nothing the first time and works the same on OkHttp 4.12.
 *
 * <p>A driver {@linkplain #start starts} an attempt right before it executes or enqueues the call and
 * {@linkplain #end ends} it when the call returns or its callback runs, so the map holds only the
 * calls being executed.
 */
final class Attempts {
    private final Map<Call, ConnectionGuard.AttemptState> inFlight = new ConcurrentHashMap<>();

    /** Makes the attempt's state visible to the interceptors of {@code call}. */
    void start(Call call, ConnectionGuard.AttemptState state) {
        inFlight.put(call, state);
    }

    /** Forgets the attempt of {@code call}; its interceptors have run. */
    void end(Call call) {
        inFlight.remove(call);
    }

    /** @return the state of the attempt the chain belongs to, or {@code null} for a call the transport did not start */
    ConnectionGuard.AttemptState of(Interceptor.Chain chain) {
        return inFlight.get(chain.call());
    }

    /** @return how many attempts are in flight (for tests: none once every call has ended) */
    int size() {
        return inFlight.size();
    }
}
