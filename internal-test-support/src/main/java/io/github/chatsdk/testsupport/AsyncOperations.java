package io.github.chatsdk.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.ResponseMeta;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Runs a call through a client's asynchronous API as if it were synchronous: {@link #await} waits for
 * the future and rethrows exactly the exception it failed with (checking it was wrapped once), and
 * {@link #of} makes the asynchronous twin of an {@link OperationUnderTest}. So a fault row proves that
 * the asynchronous path makes the same attempts, asks for the same delays and fails with the same
 * exception types as the synchronous one.
 */
public final class AsyncOperations {
    private AsyncOperations() {
    }

    /**
     * The asynchronous twin of {@code sync}: everything but the call is delegated.
     *
     * @param sync the synchronous operation
     * @param call starts the asynchronous call
     * @param <C> the client type
     * @param <R> the result type
     * @return the operation
     */
    public static <C extends AutoCloseable, R> OperationUnderTest<C, R> of(OperationUnderTest<C, R> sync,
            BiFunction<C, RequestOptions, CompletableFuture<R>> call) {
        return new OperationUnderTest<>() {
            @Override
            public C newClient(ClientSettings settings) {
                return sync.newClient(settings);
            }

            @Override
            public R call(C client, RequestOptions options) {
                return await(call.apply(client, options));
            }

            @Override
            public String successBody() {
                return sync.successBody();
            }

            @Override
            public boolean retrySafe() {
                return sync.retrySafe();
            }

            @Override
            public ResponseMeta metaOf(R result) {
                return sync.metaOf(result);
            }

            @Override
            public String keySent(RecordedRequest request) {
                return sync.keySent(request);
            }

            @Override
            public Optional<String> keyReported(R result) {
                return sync.keyReported(result);
            }

            @Override
            public String credential() {
                return sync.credential();
            }

            @Override
            public String credentialHeader() {
                return sync.credentialHeader();
            }
        };
    }

    /**
     * Waits (at most 30 s) for {@code future} and returns its value, or rethrows the exception it
     * failed with, after checking that {@code get()} wrapped it in one {@link ExecutionException}
     * and nothing else.
     *
     * @param future the future
     * @param <R> the result type
     * @return the value
     */
    public static <R> R await(CompletableFuture<R> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            assertFalse(cause instanceof CompletionException || cause instanceof ExecutionException,
                    "the exception is wrapped twice: " + cause);
            assertInstanceOf(RuntimeException.class, cause, "an unchecked exception");
            throw (RuntimeException) cause;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (TimeoutException e) {
            throw new AssertionError("the future did not complete within 30 s", e);
        }
    }
}
