package io.github.chatsdk.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** Small helpers for the futures the asynchronous API returns. */
public final class Futures {
    private Futures() {
    }

    /**
     * A future completed with {@code mapper} applied to the result of {@code source}, or with the
     * same exception as {@code source} (never wrapped in a {@link CompletionException}), or with
     * what {@code mapper} threw. The new future completes only after {@code mapper} returned, so
     * any state {@code mapper} updates is visible to whoever sees it complete. Cancelling it
     * cancels {@code source}.
     */
    public static <A, B> CompletableFuture<B> map(CompletableFuture<A> source, Function<? super A, ? extends B> mapper) {
        CompletableFuture<B> out = new CompletableFuture<>();
        source.whenComplete((a, e) -> {
            if (e != null) {
                out.completeExceptionally(unwrap(e));
                return;
            }
            B b;
            try {
                b = mapper.apply(a);
            } catch (Throwable t) {
                out.completeExceptionally(t);
                return;
            }
            out.complete(b);
        });
        out.whenComplete((b, e) -> {
            if (out.isCancelled()) {
                source.cancel(true);
            }
        });
        return out;
    }

    /** The exception itself, without the {@link CompletionException} or {@link ExecutionException} around it. */
    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
