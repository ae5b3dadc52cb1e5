package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

import io.github.chatsdk.core.internal.Check;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings for one call that override the client's: retries, timeouts, extra headers and extra
 * listeners. Immutable and reusable; anything not set here keeps the client's value. The same
 * options, given to a client's {@code withOptions(...)}, become the defaults of a derived client.
 *
 * <pre>{@code
 * RequestOptions quick = RequestOptions.builder()
 *         .maxRetries(0)                       // fail fast, the caller retries later
 *         .timeout(Duration.ofSeconds(5))      // whole call, per attempt
 *         .header("x-trace-id", traceId)
 *         .build();
 * brek.events().send(event, quick);
 * }</pre>
 *
 * <p>Idempotency keys are not set here: a Brek event carries its key in the event itself
 * ({@code SendEvent.idempotencyKey(String)}), because the key is part of the request body.
 */
public final class RequestOptions {
    private static final RequestOptions DEFAULTS = new Builder().build();

    private final Integer maxRetries;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Map<String, String> headers;
    private final List<CallListener> listeners;

    private RequestOptions(Builder b) {
        this.maxRetries = b.maxRetries;
        this.timeout = b.timeout;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.listeners = List.copyOf(b.listeners);
    }

    /**
     * Options that override nothing: the call uses the client's settings.
     *
     * @return the empty options
     */
    public static RequestOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder with nothing set.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from these options.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxRetries = maxRetries;
        b.timeout = timeout;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.headers.putAll(headers);
        b.listeners.addAll(listeners);
        return b;
    }

    /**
     * These options with every setting of {@code overrides} applied over them: a value set there
     * wins, headers are combined (a name set in both takes the overriding value), listeners are
     * added after these. How a derived client's defaults and a call's options combine.
     *
     * @param overrides the options that win
     * @return the combined options
     */
    public RequestOptions withOverrides(RequestOptions overrides) {
        Objects.requireNonNull(overrides, "overrides == null");
        if (overrides.equals(DEFAULTS)) {
            return this;
        }
        if (this.equals(DEFAULTS)) {
            return overrides;
        }
        Builder b = toBuilder();
        overrides.maxRetries().ifPresent(b::maxRetries);
        overrides.timeout().ifPresent(b::timeout);
        overrides.connectTimeout().ifPresent(b::connectTimeout);
        overrides.readTimeout().ifPresent(b::readTimeout);
        overrides.writeTimeout().ifPresent(b::writeTimeout);
        b.headers.putAll(overrides.headers);
        b.listeners.addAll(overrides.listeners);
        return b.build();
    }

    /**
     * The retry count for this call, overriding the client's.
     *
     * @return the count, or empty to use the client's
     */
    public OptionalInt maxRetries() {
        return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
    }

    /**
     * The whole-call timeout of each attempt of this call.
     *
     * @return the timeout, or empty to use the client's
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * The connect timeout of this call.
     *
     * @return the timeout, or empty to use the client's
     */
    public Optional<Duration> connectTimeout() {
        return Optional.ofNullable(connectTimeout);
    }

    /**
     * The read timeout of this call.
     *
     * @return the timeout, or empty to use the client's
     */
    public Optional<Duration> readTimeout() {
        return Optional.ofNullable(readTimeout);
    }

    /**
     * The write timeout of this call.
     *
     * @return the timeout, or empty to use the client's
     */
    public Optional<Duration> writeTimeout() {
        return Optional.ofNullable(writeTimeout);
    }

    /**
     * Extra headers sent with this call, in addition to the client's; a name set both here and on
     * the client takes this value.
     *
     * @return the headers, unmodifiable
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Listeners told of this call (or of every call of a derived client), after the client's own.
     *
     * @return the listeners, unmodifiable
     */
    public List<CallListener> listeners() {
        return listeners;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof RequestOptions)) {
            return false;
        }
        RequestOptions other = (RequestOptions) o;
        return Objects.equals(maxRetries, other.maxRetries) && Objects.equals(timeout, other.timeout)
                && Objects.equals(connectTimeout, other.connectTimeout)
                && Objects.equals(readTimeout, other.readTimeout) && Objects.equals(writeTimeout, other.writeTimeout)
                && headers.equals(other.headers) && listeners.equals(other.listeners);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRetries, timeout, connectTimeout, readTimeout, writeTimeout, headers, listeners);
    }

    @Override
    public String toString() {
        return "RequestOptions{maxRetries=" + maxRetries + ", timeout=" + timeout + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", writeTimeout=" + writeTimeout + ", headers="
                + headers.keySet() + ", listeners=" + listeners.size() + '}';
    }

    /** Builds {@link RequestOptions}. Not thread-safe; the options it builds are. */
    public static final class Builder {
        private Integer maxRetries;
        private Duration timeout;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration writeTimeout;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<CallListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * How many times this call is retried where retrying is safe; 0 disables retries for it.
         *
         * @param maxRetries 0 or more
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new InvalidInputException("maxRetries", "must not be negative");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The whole-call timeout of each attempt: connect, send and receive together.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Check.positive("timeout", timeout);
            return this;
        }

        /**
         * How long opening a connection may take for this call.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Check.positive("connectTimeout", timeout);
            return this;
        }

        /**
         * How long each read of the response may wait for data for this call.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Check.positive("readTimeout", timeout);
            return this;
        }

        /**
         * How long each write of the request may take for this call.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Check.positive("writeTimeout", timeout);
            return this;
        }

        /**
         * A header for this call only, for example a tracing header. Credential headers,
         * {@code User-Agent} and the headers the SDK manages are refused.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         * @throws InvalidInputException when the header may not be set this way
         */
        public Builder header(String name, String value) {
            Check.extraHeader(name, value);
            headers.put(name, value);
            return this;
        }

        /**
         * Adds a listener told of this call (or, on {@code withOptions}, of every call of the derived
         * client), after the client's listeners.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder addListener(CallListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener == null"));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
