package io.github.chatsdk.ratelimit.bucket4j;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.chatsdk.core.RateLimit;
import io.github.chatsdk.core.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A {@link RateLimiter} that draws every attempt's permit from one Bucket4j bucket kept in a shared
 * store, so that all instances of an application stay within the one budget their API key has,
 * instead of each instance learning about it from HTTP 429s. The store is whatever Bucket4j
 * {@link ProxyManager} you give it: Redis (Lettuce, Jedis, Redisson), a JDBC database, Hazelcast,
 * Infinispan, and others.
 *
 * <pre>{@code
 * RedisClient redis = RedisClient.create("redis://localhost:6379");
 * ProxyManager<byte[]> buckets = Bucket4jLettuce.casBasedBuilder(redis).build();
 * RateLimiter limiter = Bucket4jRateLimiter
 *         .builder(buckets, "brek:acme".getBytes(StandardCharsets.UTF_8))
 *         .limit(120, Duration.ofMinutes(1))          // the key's budget
 *         .build();
 * BrekClient brek = BrekClient.builder().apiKey(key).rateLimiter(limiter).build();
 * }</pre>
 *
 * <h2>Sizing</h2>
 * {@link Builder#limit(long, Duration)} allows that many requests in each fixed window of the
 * clock: windows start at whole multiples of the window since the epoch (a one-minute window is a
 * clock minute), as a server that counts per clock minute does, so the bucket refills exactly when
 * the server's count starts again. Any other shape is a {@link Builder#configuration
 * BucketConfiguration} of your own.
 *
 * <h2>What the server says</h2>
 * Every response corrects the bucket: a 429, or {@code x-ratelimit-remaining: 0}, empties the
 * shared bucket, so that every instance waits for the next refill instead of being refused (with a
 * fixed window, a report that was sent in a window which has ended since is ignored: it says
 * nothing about the current one); a {@code Retry-After} on it also holds this instance's attempts
 * until then. A server that reports a lower {@code x-ratelimit-limit} than the bucket holds is
 * logged once.
 *
 * <h2>When the store is unreachable</h2>
 * A question the store does not answer within {@link Builder#storeTimeout(Duration)} (default 1 s),
 * or answers with an error, starts an outage: one warning is logged (logger
 * {@code io.github.chatsdk.ratelimit.bucket4j}, a child of the clients' {@code io.github.chatsdk})
 * naming the store's error, and until the store answers again the limiter does not ask it, except
 * once every {@link Builder#retryStoreAfter(Duration)} (default 5 s). Meanwhile it fails open (the
 * default: attempts are sent without a shared permit, and the server's 429s and their
 * {@code Retry-After} still hold this instance) or, with {@link Builder#failClosed(boolean)}, fails
 * closed (calls fail before sending, with a {@link io.github.chatsdk.core.ConnectionException}
 * caused by {@link StoreUnavailableException}). When the store answers again, one more line says so
 * and how many attempts the outage affected.
 *
 * <h2>Threads</h2>
 * When the proxy manager has an asynchronous API ({@link ProxyManager#isAsyncModeSupported()}, as
 * Redis and most grids do) an asynchronous call's question is a future and no thread waits for the
 * store; a synchronous call waits for that future on its own thread. Without one (JDBC), both ask
 * on the calling thread, bounded by the proxy manager's own request timeout. A call cancelled while
 * its question is with the store may still have taken a token. Thread-safe; share one limiter
 * among the clients of one key (and their {@code withOptions} variants).
 */
public final class Bucket4jRateLimiter implements RateLimiter {
    /** The logger of outages, recoveries and limit mismatches. */
    static final String LOGGER_NAME = "io.github.chatsdk.ratelimit.bucket4j";
    private static final System.Logger LOG = System.getLogger(LOGGER_NAME);
    /** The shortest wait the limiter asks for, so that a refusal never spins. */
    private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String bucketName;
    private final BucketProxy bucket;
    private final AsyncBucketProxy asyncBucket;
    private final String sizing;
    private final long capacity;
    private final Duration window;
    private final boolean failClosed;
    private final Duration storeTimeout;
    private final Duration retryStoreAfter;
    private final Clock clock;
    private final AtomicReference<Instant> holdUntil = new AtomicReference<>();
    private final AtomicReference<Outage> outage = new AtomicReference<>();
    private final AtomicBoolean limitWarned = new AtomicBoolean();

    private <K> Bucket4jRateLimiter(Builder<K> b) {
        this.bucketName = describeKey(b.key);
        this.window = b.window;
        this.failClosed = b.failClosed;
        this.storeTimeout = b.storeTimeout;
        this.retryStoreAfter = b.retryStoreAfter;
        this.clock = b.clock;
        Supplier<BucketConfiguration> configuration;
        if (b.window != null) {
            // computed when the bucket is created in the store (first use, or after it was lost)
            long requests = b.requests;
            Duration w = b.window;
            configuration = () -> aligned(requests, w, clock.instant());
            this.capacity = requests;
            this.sizing = requests + " per " + w;
        } else {
            BucketConfiguration given = b.configuration;
            configuration = () -> given;
            long smallest = Long.MAX_VALUE;
            for (Bandwidth bandwidth : given.getBandwidths()) {
                smallest = Math.min(smallest, bandwidth.getCapacity());
            }
            this.capacity = smallest;
            this.sizing = given.toString();
        }
        if (b.proxyManager.isAsyncModeSupported()) {
            this.asyncBucket = b.proxyManager.asAsync().builder()
                    .build(b.key, () -> CompletableFuture.completedFuture(configuration.get()));
            this.bucket = null;
        } else {
            this.bucket = b.proxyManager.builder().build(b.key, configuration);
            this.asyncBucket = null;
        }
    }

    /**
     * {@code requests} per fixed window, refilled all at once at every multiple of {@code window}
     * since the epoch; a bucket created inside a window starts with that window's share of the
     * budget (Bucket4j's adaptive initial tokens), since the server may have counted requests in
     * it already.
     */
    static BucketConfiguration aligned(long requests, Duration window, Instant now) {
        long w = window.toMillis();
        Instant nextBoundary = Instant.ofEpochMilli((Math.floorDiv(now.toEpochMilli(), w) + 1) * w);
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(requests)
                        .refillIntervallyAlignedWithAdaptiveInitialTokens(requests, window, nextBoundary))
                .build();
    }

    /**
     * Starts a limiter on one bucket of a store.
     *
     * @param proxyManager Bucket4j's access to the store, for example
     *     {@code Bucket4jLettuce.casBasedBuilder(redisClient).build()}
     * @param key the bucket's key in the store: one per API key (or per partner), the same in every
     *     instance that shares the budget
     * @param <K> the store's key type
     * @return the builder; give it {@link Builder#limit(long, Duration)} or
     *     {@link Builder#configuration(BucketConfiguration)}
     */
    public static <K> Builder<K> builder(ProxyManager<K> proxyManager, K key) {
        return new Builder<>(Objects.requireNonNull(proxyManager, "proxyManager == null"),
                Objects.requireNonNull(key, "key == null"));
    }

    // ---- permits --------------------------------------------------------------------------------

    /**
     * Takes a token from the shared bucket, waiting for the store's answer on this thread.
     *
     * @param attempt the attempt that wants to go
     * @return zero when a token was taken (or, failing open, when the store is unreachable), else
     *     how long until the bucket refills or the server's {@code Retry-After} ends
     * @throws StoreUnavailableException when the store is unreachable and the limiter fails closed
     */
    @Override
    public Duration tryAcquire(Attempt attempt) {
        if (asyncBucket != null) {
            try {
                return tryAcquireAsync(attempt).toCompletableFuture().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                throw new StoreUnavailableException("The rate-limit store of bucket " + bucketName + " failed", cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("Interrupted while waiting for the rate-limit store of bucket "
                        + bucketName, e);
            }
        }
        Duration held = held();
        if (held != null) {
            return held;
        }
        Outage o = outage.get();
        if (o != null && !o.tryProbe(clock.instant())) {
            return withoutStore(o);
        }
        ConsumptionProbe probe;
        try {
            probe = bucket.tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            return failed(e);
        }
        return answered(probe);
    }

    /**
     * Takes a token from the shared bucket without blocking: the answer is a future of the store's
     * reply (when the proxy manager has an asynchronous API), bounded by the store timeout.
     *
     * @param attempt the attempt that wants to go
     * @return the future of the answer, as {@link #tryAcquire(Attempt)} gives it; completed
     *     exceptionally with {@link StoreUnavailableException} when failing closed
     */
    @Override
    public CompletionStage<Duration> tryAcquireAsync(Attempt attempt) {
        if (asyncBucket == null) {
            return RateLimiter.super.tryAcquireAsync(attempt);
        }
        Duration held = held();
        if (held != null) {
            return CompletableFuture.completedFuture(held);
        }
        Outage o = outage.get();
        if (o != null && !o.tryProbe(clock.instant())) {
            try {
                return CompletableFuture.completedFuture(withoutStore(o));
            } catch (StoreUnavailableException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<ConsumptionProbe> asked;
        try {
            asked = asyncBucket.tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            asked = CompletableFuture.failedFuture(e);
        }
        return bounded(asked).handle((probe, e) -> e == null ? answered(probe) : failed(e));
    }

    /** The rest of a server-requested hold, or {@code null} when there is none. */
    private Duration held() {
        Instant until = holdUntil.get();
        if (until == null) {
            return null;
        }
        Duration left = Duration.between(clock.instant(), until);
        return left.isNegative() || left.isZero() ? null : left;
    }

    private Duration answered(ConsumptionProbe probe) {
        storeAnswered();
        if (probe.isConsumed()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(MIN_WAIT_NANOS, probe.getNanosToWaitForRefill()));
    }

    /** The store failed or did not answer in time: an outage starts (or goes on); open or closed. */
    private Duration failed(Throwable e) {
        Throwable cause = unwrap(e);
        Outage o = recordFailure(cause);
        o.affected.incrementAndGet();
        if (failClosed) {
            throw new StoreUnavailableException("The rate-limit store of bucket " + bucketName + " did not answer ("
                    + describe(cause) + "); failing closed: the call was not sent", cause);
        }
        return Duration.ZERO;
    }

    /** During an outage, between two tries of the store: decide without it. */
    private Duration withoutStore(Outage o) {
        o.affected.incrementAndGet();
        if (failClosed) {
            throw new StoreUnavailableException("The rate-limit store of bucket " + bucketName
                    + " has been unreachable since " + o.since + " (" + o.cause
                    + "); failing closed: the call was not sent", null);
        }
        return Duration.ZERO;
    }

    private Outage recordFailure(Throwable cause) {
        Instant now = clock.instant();
        Instant next = now.plus(retryStoreAfter);
        while (true) {
            Outage current = outage.get();
            if (current != null) {
                current.tryFailed(next);
                return current;
            }
            Outage fresh = new Outage(now, describe(cause), next);
            if (outage.compareAndSet(null, fresh)) {
                LOG.log(System.Logger.Level.WARNING, "chatsdk: the rate-limit store of bucket " + bucketName
                        + " is unreachable (" + fresh.cause + "); "
                        + (failClosed ? "failing closed: calls fail before they are sent"
                                : "failing open: attempts are sent without a shared permit")
                        + " until it answers again (tried again every " + human(retryStoreAfter) + ")");
                return fresh;
            }
        }
    }

    private void storeAnswered() {
        Outage o = outage.get();
        if (o != null && outage.compareAndSet(o, null)) {
            long affected = o.affected.get();
            LOG.log(System.Logger.Level.INFO, "chatsdk: the rate-limit store of bucket " + bucketName
                    + " answers again after " + human(Duration.between(o.since, clock.instant())) + " unreachable; "
                    + affected + (affected == 1 ? " attempt " : " attempts ")
                    + (failClosed ? "failed meanwhile" : "went without a shared permit meanwhile"));
        }
    }

    // ---- what the server said -------------------------------------------------------------------

    /**
     * Corrects the shared bucket with what the server said: a 429 or
     * {@code x-ratelimit-remaining: 0} empties it (unless the attempt was sent in a fixed window
     * that has ended since), and their {@code Retry-After} holds this instance until then.
     *
     * @param response the status and the rate-limit headers of one response
     */
    @Override
    public void onResponse(Response response) {
        RateLimit rateLimit = response.rateLimit().orElse(null);
        boolean refused = response.statusCode() == 429;
        boolean exhausted = rateLimit != null && rateLimit.exhausted();
        if (rateLimit != null && rateLimit.limit().isPresent() && rateLimit.limit().getAsLong() < capacity
                && limitWarned.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "chatsdk: the server allows " + rateLimit.limit().getAsLong()
                    + " requests (x-ratelimit-limit) but the bucket " + bucketName + " holds up to " + capacity
                    + ": size the bucket with the server's limit (logged once)");
        }
        if (!refused && !exhausted) {
            return;
        }
        if (rateLimit != null) {
            rateLimit.retryAfter().ifPresent(this::hold);
        }
        if (!aboutAnEndedWindow(response.sentAt())) {
            drain();
        }
    }

    private void hold(Duration retryAfter) {
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            return;
        }
        Instant until = clock.instant().plus(retryAfter);
        holdUntil.accumulateAndGet(until, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    /** Whether an attempt sent at {@code sentAt} was counted in a fixed window that has ended. */
    private boolean aboutAnEndedWindow(Optional<Instant> sentAt) {
        if (window == null || sentAt.isEmpty()) {
            return false;
        }
        long w = window.toMillis();
        return Math.floorDiv(sentAt.get().toEpochMilli(), w) != Math.floorDiv(clock.millis(), w);
    }

    /** Takes every token left, so that every instance waits for the next refill. */
    private void drain() {
        if (outage.get() != null) {
            return; // the store is down: the next try will tell, not this
        }
        if (asyncBucket != null) {
            CompletableFuture<Long> drained;
            try {
                drained = asyncBucket.tryConsumeAsMuchAsPossible();
            } catch (RuntimeException e) {
                drained = CompletableFuture.failedFuture(e);
            }
            bounded(drained).whenComplete((taken, e) -> {
                if (e != null) {
                    recordFailure(unwrap(e));
                } else {
                    storeAnswered();
                }
            });
        } else {
            try {
                bucket.tryConsumeAsMuchAsPossible();
                storeAnswered();
            } catch (RuntimeException e) {
                recordFailure(e);
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private <T> CompletableFuture<T> bounded(CompletableFuture<T> f) {
        return f.copy().orTimeout(storeTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private String describe(Throwable e) {
        if (e instanceof TimeoutException && e.getMessage() == null) {
            return "no answer within " + human(storeTimeout);
        }
        String message = e.getMessage();
        if (message != null && message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String describeKey(Object key) {
        String k = key instanceof byte[] ? new String((byte[]) key, StandardCharsets.UTF_8) : String.valueOf(key);
        return "'" + k + "'";
    }

    @Override
    public String toString() {
        return "Bucket4jRateLimiter{bucket=" + bucketName + ", " + sizing + ", "
                + (failClosed ? "fail-closed" : "fail-open") + ", storeTimeout=" + storeTimeout + '}';
    }

    /** One period in which the store did not answer. */
    private static final class Outage {
        final Instant since;
        final String cause;
        /** Attempts decided without the store: sent without a permit, or failed. */
        final AtomicLong affected = new AtomicLong();
        private final AtomicBoolean trying = new AtomicBoolean();
        private volatile Instant nextTry;

        Outage(Instant since, String cause, Instant nextTry) {
            this.since = since;
            this.cause = cause;
            this.nextTry = nextTry;
        }

        /** Whether this caller may try the store now: once per interval, one caller at a time. */
        boolean tryProbe(Instant now) {
            return !now.isBefore(nextTry) && trying.compareAndSet(false, true);
        }

        /** The try failed: the next one after {@code next}. */
        void tryFailed(Instant next) {
            nextTry = next;
            trying.set(false);
        }
    }

    /**
     * Configures a {@link Bucket4jRateLimiter}. Set the bucket's size with
     * {@link #limit(long, Duration)} or {@link #configuration(BucketConfiguration)}; everything else
     * has a default.
     *
     * @param <K> the store's key type
     */
    public static final class Builder<K> {
        private final ProxyManager<K> proxyManager;
        private final K key;
        private BucketConfiguration configuration;
        private long requests;
        private Duration window;
        private boolean failClosed;
        private Duration storeTimeout = Duration.ofSeconds(1);
        private Duration retryStoreAfter = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();

        private Builder(ProxyManager<K> proxyManager, K key) {
            this.proxyManager = proxyManager;
            this.key = key;
        }

        /**
         * At most {@code requests} attempts in each fixed window of the clock, for example 120 per
         * minute. Windows start at whole multiples of {@code window} since the epoch, so the bucket
         * refills (to {@code requests}, all at once) at the moments a server that counts per clock
         * minute (or per such window) starts counting again. A bucket created inside a window (the
         * first use, or after the store lost it) starts with that window's share of the budget.
         * Replaces a {@link #configuration(BucketConfiguration)}.
         *
         * @param requests the budget per window, at least 1
         * @param window the window, a whole number of milliseconds, at least 1 ms
         * @return this builder
         */
        public Builder<K> limit(long requests, Duration window) {
            Objects.requireNonNull(window, "window == null");
            if (requests < 1) {
                throw new IllegalArgumentException("requests must be at least 1: " + requests);
            }
            if (window.compareTo(Duration.ofMillis(1)) < 0 || window.toNanos() % 1_000_000L != 0) {
                throw new IllegalArgumentException("window must be a whole number of milliseconds, at least 1 ms: "
                        + window);
            }
            this.requests = requests;
            this.window = window;
            this.configuration = null;
            return this;
        }

        /**
         * The bucket's own Bucket4j configuration, for any other shape (greedy refill, several
         * bandwidths). Every instance must give the same one. Replaces a {@link #limit(long, Duration)}.
         *
         * @param configuration the configuration the bucket is created with in the store
         * @return this builder
         */
        public Builder<K> configuration(BucketConfiguration configuration) {
            this.configuration = Objects.requireNonNull(configuration, "configuration == null");
            this.window = null;
            return this;
        }

        /**
         * What to do while the store is unreachable: fail open ({@code false}, the default: send
         * without a shared permit) or fail closed ({@code true}: fail the call before sending it).
         *
         * @param failClosed {@code true} to fail closed
         * @return this builder
         */
        public Builder<K> failClosed(boolean failClosed) {
            this.failClosed = failClosed;
            return this;
        }

        /**
         * How long a question may wait for the store before the store counts as unreachable. Default
         * 1 s. (Bound your store client too, for example Lettuce's command timeout, so that abandoned
         * commands do not pile up.)
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder<K> storeTimeout(Duration timeout) {
            this.storeTimeout = positive("storeTimeout", timeout);
            return this;
        }

        /**
         * During an outage, how long the limiter goes without asking the store before it tries it
         * again (one attempt tries; the others decide without it meanwhile). Default 5 s.
         *
         * @param delay a positive duration
         * @return this builder
         */
        public Builder<K> retryStoreAfter(Duration delay) {
            this.retryStoreAfter = positive("retryStoreAfter", delay);
            return this;
        }

        /**
         * The clock of holds, fixed windows and outages; default the system clock, which Bucket4j's
         * own buckets also use. For tests.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder<K> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /**
         * Builds the limiter. The bucket is created in the store on first use.
         *
         * @return the limiter
         * @throws IllegalStateException when neither {@link #limit(long, Duration)} nor
         *     {@link #configuration(BucketConfiguration)} was given
         */
        public Bucket4jRateLimiter build() {
            if (configuration == null && window == null) {
                throw new IllegalStateException("give the bucket a size: limit(requests, window) or configuration(...)");
            }
            return new Bucket4jRateLimiter(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name + " == null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
