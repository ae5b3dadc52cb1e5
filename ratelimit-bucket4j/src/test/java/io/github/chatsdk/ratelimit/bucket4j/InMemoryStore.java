package io.github.chatsdk.ratelimit.bucket4j;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.chatsdk.testsupport.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bucket4j store in this JVM, for the limiter's unit tests: Bucket4j's own compare-and-swap
 * proxy manager (the one its Redis, JDBC and grid integrations build on) over a map, on the test's
 * clock. It can fail every operation, keep asynchronous answers pending until the test releases
 * them, or never answer, and counts the operations it served.
 */
final class InMemoryStore extends AbstractCompareAndSwapBasedProxyManager<String> {
    private final ConcurrentHashMap<String, byte[]> data = new ConcurrentHashMap<>();
    private final boolean async;
    private final List<Runnable> held = new ArrayList<>();
    private final AtomicInteger operations = new AtomicInteger();
    private volatile RuntimeException failure;
    private volatile boolean hold;
    private volatile boolean silent;

    private InMemoryStore(MutableClock clock, boolean async) {
        super(ClientSideConfig.getDefault().withClientClock(new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        }));
        this.async = async;
    }

    /** A store with an asynchronous API, as Redis and the grids have. */
    static InMemoryStore async(MutableClock clock) {
        return new InMemoryStore(clock, true);
    }

    /** A store without one, as the JDBC integrations are. */
    static InMemoryStore blocking(MutableClock clock) {
        return new InMemoryStore(clock, false);
    }

    /** Every operation from now on fails with {@code e}; {@code null} heals the store. */
    void failWith(RuntimeException e) {
        this.failure = e;
    }

    /** Asynchronous answers stay pending until {@link #release()}. */
    void holdAnswers(boolean hold) {
        this.hold = hold;
    }

    /** Asynchronous questions are never answered. */
    void silent(boolean silent) {
        this.silent = silent;
    }

    /** Answers every held asynchronous question, and those that their answers ask, in order. */
    void release() {
        while (true) {
            List<Runnable> answers;
            synchronized (held) {
                answers = new ArrayList<>(held);
                held.clear();
            }
            if (answers.isEmpty()) {
                return;
            }
            answers.forEach(Runnable::run); // a read's answer may ask the next question (the write)
        }
    }

    int heldAnswers() {
        synchronized (held) {
            return held.size();
        }
    }

    /** Reads and writes served (a question is one read, and one write when it changes the bucket). */
    int operations() {
        return operations.get();
    }

    private void serve() {
        operations.incrementAndGet();
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }

    private boolean swap(String key, byte[] original, byte[] updated) {
        if (original == null) {
            return data.putIfAbsent(key, updated) == null;
        }
        return data.replace(key, original, updated); // identity of the array read: a true compare-and-swap
    }

    private <T> CompletableFuture<T> answer(java.util.function.Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (silent) {
            return f;
        }
        Runnable run = () -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        };
        if (hold) {
            synchronized (held) {
                held.add(run);
            }
        } else {
            run.run();
        }
        return f;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                serve();
                return Optional.ofNullable(data.get(key));
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                    Optional<Long> timeoutNanos) {
                serve();
                return swap(key, originalData, newData);
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        return new AsyncCompareAndSwapOperation() {
            @Override
            public CompletableFuture<Optional<byte[]>> getStateData(Optional<Long> timeoutNanos) {
                return answer(() -> {
                    serve();
                    return Optional.ofNullable(data.get(key));
                });
            }

            @Override
            public CompletableFuture<Boolean> compareAndSwap(byte[] originalData, byte[] newData,
                    RemoteBucketState newState, Optional<Long> timeoutNanos) {
                return answer(() -> {
                    serve();
                    return swap(key, originalData, newData);
                });
            }
        };
    }

    @Override
    public void removeProxy(String key) {
        data.remove(key);
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        data.remove(key);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isAsyncModeSupported() {
        return async;
    }
}
