package io.github.chatsdk.testsupport;

import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.ResponseMeta;
import java.util.Optional;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * One operation of one client, as {@link AbstractFaultSmokeTest} and the client's own tests drive it.
 * A client module implements this once per operation it smoke-tests.
 *
 * @param <C> the client type
 * @param <R> the operation's result type
 */
public interface OperationUnderTest<C extends AutoCloseable, R> {
    /**
     * Builds a client with the suite's settings: {@code settings.applyTo(XClient.builder()).credential(...).build()}.
     *
     * @param settings the suite's transport settings
     * @return a new client; the suite closes it
     */
    C newClient(ClientSettings settings);

    /**
     * Runs the operation once with fixed, valid arguments.
     *
     * @param client the client
     * @param options per-request options the row wants (retries, timeouts)
     * @return the result
     */
    R call(C client, RequestOptions options);

    /**
     * A JSON body the operation accepts as its 2xx response.
     *
     * @return the body
     */
    String successBody();

    /**
     * Whether the SDK may resend the operation after it reached the server: true for GETs and for
     * writes that carry an idempotency key, false for the other writes.
     *
     * @return whether retries after delivery are allowed
     */
    boolean retrySafe();

    /**
     * The metadata of a result.
     *
     * @param result the result
     * @return its metadata
     */
    ResponseMeta metaOf(R result);

    /**
     * The idempotency key one attempt carried.
     *
     * @param request a request the server recorded
     * @return the key, or {@code null} when the operation has none
     */
    default String keySent(RecordedRequest request) {
        return null;
    }

    /**
     * The idempotency key the result reports.
     *
     * @param result the result
     * @return the key, or empty when the operation has none
     */
    default Optional<String> keyReported(R result) {
        return Optional.empty();
    }

    /**
     * The credential the client from {@link #newClient} sends, to prove it never leaks.
     *
     * @return the secret, or {@code null} for an operation sent without credentials
     */
    String credential();

    /**
     * The header that carries {@link #credential()}.
     *
     * @return the header name, or {@code null} for an operation sent without credentials
     */
    String credentialHeader();
}
