package io.github.chatsdk.it.real;

import io.github.chatsdk.core.CallListener;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What the client reported about its calls: every retry decision and every attempt's end. */
final class CallLog implements CallListener {
    /** One retry decision. */
    static final class RetryEvent {
        final String call;
        final int nextAttempt;
        final RetryReason reason;
        final java.time.Duration delay;

        RetryEvent(String call, Retry r) {
            this.call = call;
            this.nextAttempt = r.nextAttempt();
            this.reason = r.reason();
            this.delay = r.delay();
        }

        @Override
        public String toString() {
            return call + ": attempt " + nextAttempt + " after " + delay.toMillis() + " ms (" + reason + ")";
        }
    }

    private final String id;
    private final List<RetryEvent> retries;

    private CallLog(String id, List<RetryEvent> retries) {
        this.id = id;
        this.retries = retries;
    }

    /** A shared log of many calls. */
    static CallLog shared() {
        return new CallLog(null, new ArrayList<>());
    }

    /** A listener that logs the retries of call {@code id} into this log. */
    CallLog forCall(String id) {
        return new CallLog(id, retries);
    }

    @Override
    public void retryScheduled(Call call, Retry retry) {
        synchronized (retries) {
            retries.add(new RetryEvent(id, retry));
        }
    }

    List<RetryEvent> retries() {
        synchronized (retries) {
            return new ArrayList<>(retries);
        }
    }

    /** Retries other than the free, immediate resend of a request that was not delivered. */
    List<RetryEvent> otherThanNotDelivered() {
        return retries().stream().filter(r -> r.reason != RetryReason.NOT_DELIVERED || !r.delay.isZero())
                .collect(Collectors.toList());
    }
}
