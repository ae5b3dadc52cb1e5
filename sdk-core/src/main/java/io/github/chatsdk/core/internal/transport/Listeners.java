package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.CallListener;
import io.github.chatsdk.core.CallListener.AttemptEnd;
import io.github.chatsdk.core.CallListener.AttemptStart;
import io.github.chatsdk.core.CallListener.Call;
import io.github.chatsdk.core.CallListener.CallEnd;
import io.github.chatsdk.core.CallListener.Retry;
import io.github.chatsdk.core.CallListener.RetryReason;
import io.github.chatsdk.core.RateLimit;
import io.github.chatsdk.core.internal.Check;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The listeners of one call, called in order, each guarded: an exception a listener throws is
 * logged once per listener and never reaches the call. Also the event values the listeners see.
 */
final class Listeners {
    static final Listeners NONE = new Listeners(List.of(), Set.of());

    private final List<CallListener> listeners;
    /** The listeners that already failed once (by identity), shared by the calls of one transport. */
    private final Set<CallListener> failed;

    private Listeners(List<CallListener> listeners, Set<CallListener> failed) {
        this.listeners = listeners;
        this.failed = failed;
    }

    /** A registry of failed listeners, one per transport: each listener's failure is logged once. */
    static Set<CallListener> failureRegistry() {
        return Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    static Listeners of(List<CallListener> client, List<CallListener> call, Set<CallListener> failed) {
        if (client.isEmpty() && call.isEmpty()) {
            return NONE;
        }
        List<CallListener> all = new ArrayList<>(client.size() + call.size());
        all.addAll(client);
        all.addAll(call);
        return new Listeners(List.copyOf(all), failed);
    }

    boolean isEmpty() {
        return listeners.isEmpty();
    }

    void callStarted(Call call) {
        each(l -> l.callStarted(call));
    }

    /** Calls every listener's {@code attemptStarted}; returns the headers they added (empty map when none). */
    Map<String, String> attemptStarted(Call call, int number, Duration permitWait) {
        if (listeners.isEmpty()) {
            return Map.of();
        }
        Start start = new Start(number, permitWait);
        each(l -> l.attemptStarted(call, start));
        return start.headers == null ? Map.of() : start.headers;
    }

    void attemptEnded(Call call, AttemptEnd end) {
        each(l -> l.attemptEnded(call, end));
    }

    void retryScheduled(Call call, int nextAttempt, Duration delay, RetryReason reason) {
        if (listeners.isEmpty()) {
            return;
        }
        Retry retry = new RetryEvent(nextAttempt, delay, reason);
        each(l -> l.retryScheduled(call, retry));
    }

    void callEnded(Call call, CallEnd end) {
        each(l -> l.callEnded(call, end));
    }

    private void each(Consumer<CallListener> event) {
        for (CallListener l : listeners) {
            try {
                event.accept(l);
            } catch (Throwable t) {
                if (t instanceof VirtualMachineError) {
                    throw (VirtualMachineError) t;
                }
                if (failed.add(l)) {
                    HttpLog.warning("chatsdk: call listener " + l.getClass().getName() + " threw; the call goes on,"
                            + " and further failures of this listener are not logged", t);
                }
            }
        }
    }

    /** {@link AttemptStart}: collects the headers listeners add. */
    private static final class Start implements AttemptStart {
        private final int number;
        private final Duration permitWait;
        private Map<String, String> headers;

        Start(int number, Duration permitWait) {
            this.number = number;
            this.permitWait = permitWait;
        }

        @Override
        public int number() {
            return number;
        }

        @Override
        public Duration permitWait() {
            return permitWait;
        }

        @Override
        public synchronized void header(String name, String value) {
            Check.extraHeader(name, value);
            if (headers == null) {
                headers = new LinkedHashMap<>();
            }
            headers.put(name, value);
        }
    }

    /** {@link AttemptEnd}. */
    static final class End implements AttemptEnd {
        private final int number;
        private final int status;
        private final Throwable failure;
        private final boolean delivered;
        private final Duration duration;
        private final String requestId;
        private final RateLimit rateLimit;

        End(int number, int status, Throwable failure, boolean delivered, Duration duration, String requestId,
                RateLimit rateLimit) {
            this.number = number;
            this.status = status;
            this.failure = failure;
            this.delivered = delivered;
            this.duration = duration;
            this.requestId = requestId;
            this.rateLimit = rateLimit;
        }

        @Override
        public int number() {
            return number;
        }

        @Override
        public OptionalInt statusCode() {
            return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
        }

        @Override
        public Optional<Throwable> failure() {
            return Optional.ofNullable(failure);
        }

        @Override
        public boolean mayHaveBeenDelivered() {
            return delivered;
        }

        @Override
        public Duration duration() {
            return duration;
        }

        @Override
        public Optional<String> requestId() {
            return Optional.ofNullable(requestId);
        }

        @Override
        public Optional<RateLimit> rateLimit() {
            return Optional.ofNullable(rateLimit);
        }

        @Override
        public String toString() {
            return "AttemptEnd{number=" + number + ", status=" + status + ", failure=" + failure + ", delivered="
                    + delivered + ", duration=" + duration + '}';
        }
    }

    /** {@link Retry}. */
    private static final class RetryEvent implements Retry {
        private final int nextAttempt;
        private final Duration delay;
        private final RetryReason reason;

        RetryEvent(int nextAttempt, Duration delay, RetryReason reason) {
            this.nextAttempt = nextAttempt;
            this.delay = delay;
            this.reason = reason;
        }

        @Override
        public int nextAttempt() {
            return nextAttempt;
        }

        @Override
        public Duration delay() {
            return delay;
        }

        @Override
        public RetryReason reason() {
            return reason;
        }

        @Override
        public String toString() {
            return "Retry{nextAttempt=" + nextAttempt + ", delay=" + delay + ", reason=" + reason + '}';
        }
    }

    /** {@link CallEnd}. */
    static final class Ended implements CallEnd {
        private final Throwable failure;
        private final int attempts;
        private final int status;
        private final Duration duration;

        Ended(Throwable failure, int attempts, int status, Duration duration) {
            this.failure = failure;
            this.attempts = attempts;
            this.status = status;
            this.duration = duration;
        }

        @Override
        public boolean succeeded() {
            return failure == null;
        }

        @Override
        public Optional<Throwable> failure() {
            return Optional.ofNullable(failure);
        }

        @Override
        public int attempts() {
            return attempts;
        }

        @Override
        public OptionalInt statusCode() {
            return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
        }

        @Override
        public Duration duration() {
            return duration;
        }

        @Override
        public String toString() {
            return "CallEnd{succeeded=" + succeeded() + ", attempts=" + attempts + ", status=" + status + ", failure="
                    + failure + '}';
        }
    }
}
