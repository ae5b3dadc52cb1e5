package io.github.chatsdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-process fake of the Brek Partner Core Chat API on a free loopback port, for tests and
 * examples: point your code (or {@code BrekClient}) at {@link #baseUrl()} instead of
 * {@code https://www.brek.ai}. Every response it gives is valid against the published spec.
 *
 * <pre>{@code
 * try (BrekSandbox brek = BrekSandbox.start();
 *      BrekClient client = BrekClient.builder().apiKey(brek.apiKey()).baseUrl(brek.baseUrl()).build()) {
 *     MyBookingService service = new MyBookingService(client);   // your code under test
 *     service.bookCheapest("partner_user_001", "Seattle Mar 20-23 refundable");
 *
 *     assertEquals(1, brek.requests().stream()
 *             .filter(r -> r.jsonString("kind").orElse("").equals("action_book_option")).count());
 * }
 * }</pre>
 *
 * With JUnit 5, {@link BrekSandboxExtension} starts and stops it for you.
 *
 * <h2>What it does</h2>
 * <ul>
 *   <li><b>Auth.</b> Configured partner keys ({@link Builder#partner(String, String)}; by default
 *       {@value #DEFAULT_API_KEY} for partner {@value #DEFAULT_PARTNER_ID}), sent in any of the three
 *       schemes: {@code x-partner-api-key: K}, {@code Authorization: Bearer K} (case-sensitive
 *       {@code Bearer}) or {@code api-key: K}; when several are sent, the first in that order counts.
 *       No key: 401 {@code missing_partner_api_key}; unknown key: 403 {@code invalid_partner_api_key}.</li>
 *   <li><b>Headers.</b> {@code x-request-id} on every response (equal to the body's
 *       {@code requestId} on errors); {@code x-partner-id}, {@code x-ratelimit-limit} and
 *       {@code x-ratelimit-remaining} on every authenticated one.</li>
 *   <li><b>Rate limit.</b> {@link Builder#rateLimitPerMinute(int)} requests per partner per
 *       clock minute (fixed windows of the {@link Builder#clock(Clock) clock}), or per a shorter
 *       window with {@link Builder#rateLimit(int, Duration)}; a request counts in the window in which
 *       it arrived ({@link SandboxRequest#receivedAt()}); over it: 429 {@code rate_limited},
 *       {@code details.partnerId}, and {@code retry-after} in whole seconds (at least 1).</li>
 *   <li><b>Sessions.</b> Ids {@code sess_<millis>_<8 chars>}; conversation
 *       {@code <channelId>:<threadTs>} with channel id {@value #DEFAULT_CHANNEL_ID} and thread
 *       {@code = sessionId} unless the request gives them; tenant {@value #DEFAULT_TENANT_ID};
 *       {@code channel.type = partner_api}; absent {@code workspaceId} and
 *       {@code timezoneOffsetMinutes} come back as JSON {@code null} (the spec marks them nullable).
 *       A session belongs to the partner that created it: other partners get 404.</li>
 *   <li><b>Search turns</b> ({@code text}, recorded as kind {@code search_query}) answer
 *       {@code shortlist} with {@code artifacts.shortlist[]} of {@code optionId, name, pricePerNight,
 *       totalPrice, currency, refundable, rating} from a fixed catalogue of Seattle, New York
 *       (USD), Lisbon (EUR) and Tokyo (JPY), four hotels each. The text understands dates
 *       ({@code Mar 20-23}: 3 nights), {@code N nights}, {@code N rooms}, {@code refundable} /
 *       {@code non-refundable}, {@code under 200}, {@code cheapest} and {@code best}. Totals are
 *       nights x rooms x price x 1.18. Option ids are name-based UUIDs of hotel, nights and rooms,
 *       so the same search always gives the same ids. No known city: {@code needs_clarification};
 *       nothing left after the filters: {@code no_results}.</li>
 *   <li><b>Bookings.</b> {@code action_book_option} / {@code command_book_by_option_id}
 *       ({@code payload.optionId}, or a UUID in the command's text) answer {@code payment_required}
 *       (artifacts {@code booking} and {@code payment}), or {@code price_changed} (artifact
 *       {@code priceChange}, +7 %) for Hotel Sorrento, The Bowery Hotel, Lisboa Pessoa Hotel and
 *       Hoshinoya Tokyo. {@code action_confirm_price_change} then answers {@code payment_required}
 *       (or {@code price_change_declined} with {@code payload.accept = false});
 *       {@code action_confirm_payment_card} answers {@code booked}; {@code action_cancel_booking}
 *       answers {@code cancelled} with a {@code refund} (full for a refundable confirmed booking).
 *       {@code artifacts.booking} is {@code {bookingId, optionId, name, status, totalPrice, currency}}.
 *       An option not shortlisted in the session: {@code option_not_found}; an action that does not
 *       fit the booking's state: {@code invalid_state}; another kind: {@code unsupported_kind}.</li>
 *   <li><b>Idempotency.</b> The five write kinds without {@code idempotencyKey}: 400
 *       {@code idempotencyKey is required for kind=<kind>}. An event whose key the session has
 *       already answered (any kind) gets the first response again, byte for byte, with header
 *       {@code idempotent-replayed: true}, and no new event is recorded
 *       ({@link #recordedEventCount()}).</li>
 *   <li><b>Errors.</b> 400 {@code Invalid JSON payload}, {@code actor.actorId is required},
 *       {@code sessionId is required}, {@code text or kind is required}; 404
 *       {@code session_not_found} with {@code details.sessionId}; 409
 *       {@code actor.actorId does not match the session owner (<owner>).} The path's session id is
 *       percent-decoded.</li>
 *   <li><b>Faults</b> and a <b>request log</b>: {@link #faults()}, {@link #requests()}.</li>
 * </ul>
 *
 * <p>Thread-safe: concurrent requests are served in parallel, each session's events one at a
 * time. Ids come from a seeded generator ({@link Builder#seed(long)}) and the clock, so a test
 * that sends the same requests in the same order with a {@link ManualClock} sees the same ids.
 * {@link #reset()} forgets sessions, events, idempotency keys and rate-limit windows too.
 */
public final class BrekSandbox extends Sandbox {
    /** The partner key a sandbox accepts when the builder names none. */
    public static final String DEFAULT_API_KEY = "brek-sandbox-key";
    /** The partner the default key belongs to. */
    public static final String DEFAULT_PARTNER_ID = "acme";
    /** The tenant id sessions report unless {@link Builder#tenantId(String)} says otherwise. */
    public static final String DEFAULT_TENANT_ID = "demo-tenant";
    /** The conversation channel id unless the request or {@link Builder#channelId(String)} gives one. */
    public static final String DEFAULT_CHANNEL_ID = "partner-chat";
    /** The per-partner limit unless {@link Builder#rateLimitPerMinute(int)} says otherwise. */
    public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 120;

    private final BrekApi api;
    private final String apiKey;
    private final String partnerId;

    private BrekSandbox(Builder b, Map<String, String> partners, BrekApi api) {
        super(new SandboxServer("brek-sandbox", b.port, api, b.clock));
        Map.Entry<String, String> first = partners.entrySet().iterator().next();
        this.apiKey = first.getKey();
        this.partnerId = first.getValue();
        this.api = api;
    }

    /**
     * Starts a sandbox with the defaults: key {@value #DEFAULT_API_KEY} for partner
     * {@value #DEFAULT_PARTNER_ID}, {@value #DEFAULT_RATE_LIMIT_PER_MINUTE} requests per minute,
     * the system clock.
     *
     * @return the running sandbox; close it when done
     */
    public static BrekSandbox start() {
        return builder().start();
    }

    /**
     * A builder for a sandbox with other keys, limits, clock or seed.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }




    /**
     * A partner key the sandbox accepts: the first one configured, or {@value #DEFAULT_API_KEY}.
     *
     * @return the key
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * The partner of {@link #apiKey()}.
     *
     * @return the partner id
     */
    public String partnerId() {
        return partnerId;
    }



    /**
     * How many events the sandbox recorded, across all sessions. Idempotent replays, rejected
     * requests and unprocessed faults record none, so this can be lower than the number of
     * event requests.
     *
     * @return the count since start or {@link #reset()}
     */
    public int recordedEventCount() {
        return api.recordedEventCount();
    }

    /**
     * How many events one session recorded.
     *
     * @param sessionId the session id
     * @return the count, 0 for an unknown session
     */
    public int recordedEventCount(String sessionId) {
        return api.recordedEventCount(Objects.requireNonNull(sessionId, "sessionId == null"));
    }

    /**
     * A session's latest result status: {@code created} before any event, then the status of its
     * latest recorded event (such as {@code shortlist}, {@code booked}, {@code cancelled}).
     *
     * @param sessionId the session id
     * @return the status, or empty for an unknown session
     */
    public Optional<String> sessionStatus(String sessionId) {
        return api.sessionStatus(Objects.requireNonNull(sessionId, "sessionId == null"));
    }



    @Override
    public String toString() {
        return "BrekSandbox{" + baseUrl() + ", partner=" + partnerId + "}";
    }

    /**
     * Configures a {@link BrekSandbox}. Not thread-safe; {@link #start()} may be called more than
     * once, each time for a new, independent sandbox.
     */
    public static final class Builder extends SandboxBuilder<Builder, BrekSandbox> {
        private final Map<String, String> partners = new LinkedHashMap<>();
        private String tenantId = DEFAULT_TENANT_ID;
        private String channelId = DEFAULT_CHANNEL_ID;
        private int rateLimitPerMinute = DEFAULT_RATE_LIMIT_PER_MINUTE;
        private long rateLimitWindowMillis = 60_000L;

        private Builder() {
        }

        /**
         * Accepts {@code apiKey} as the key of {@code partnerId}. Call it once per key; a partner
         * may have several keys (they share its rate limit). The first key is {@link BrekSandbox#apiKey()}.
         * Naming any key replaces the default one.
         *
         * @param apiKey the key; not blank
         * @param partnerId the partner, reported in {@code x-partner-id}; not blank
         * @return this builder
         */
        public Builder partner(String apiKey, String partnerId) {
            partners.put(nonBlank("apiKey", apiKey), nonBlank("partnerId", partnerId));
            return this;
        }

        /**
         * The tenant id sessions report; default {@value BrekSandbox#DEFAULT_TENANT_ID}.
         *
         * @param tenantId not blank
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            this.tenantId = nonBlank("tenantId", tenantId);
            return this;
        }

        /**
         * The conversation channel id when a create request gives none; default
         * {@value BrekSandbox#DEFAULT_CHANNEL_ID}.
         *
         * @param channelId not blank
         * @return this builder
         */
        public Builder channelId(String channelId) {
            this.channelId = nonBlank("channelId", channelId);
            return this;
        }

        /**
         * Requests per partner per clock minute; default {@value BrekSandbox#DEFAULT_RATE_LIMIT_PER_MINUTE}.
         *
         * @param limit at least 1
         * @return this builder
         */
        public Builder rateLimitPerMinute(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("rateLimitPerMinute < 1: " + limit);
            }
            this.rateLimitPerMinute = limit;
            this.rateLimitWindowMillis = 60_000L;
            return this;
        }

        /**
         * Requests per partner per fixed window of another length than a minute, so that a test of
         * rate limiting runs in seconds: windows start at whole multiples of {@code window} since the
         * epoch of the {@link #clock(Clock) clock} (with one minute, clock minutes, as
         * {@link #rateLimitPerMinute(int)}). {@code x-ratelimit-limit} reports {@code limit}; a 429's
         * {@code retry-after} is the rest of the window rounded up to whole seconds.
         *
         * @param limit at least 1
         * @param window at least 1 ms and a whole number of milliseconds, at most one day
         * @return this builder
         */
        public Builder rateLimit(int limit, Duration window) {
            Objects.requireNonNull(window, "window == null");
            if (limit < 1) {
                throw new IllegalArgumentException("limit < 1: " + limit);
            }
            if (window.compareTo(Duration.ofMillis(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0
                    || window.toNanos() % 1_000_000L != 0) {
                throw new IllegalArgumentException("window must be whole milliseconds from 1 ms to 1 day: " + window);
            }
            this.rateLimitPerMinute = limit;
            this.rateLimitWindowMillis = window.toMillis();
            return this;
        }

        /**
         * Starts a sandbox with this configuration.
         *
         * @return the running sandbox; close it when done
         * @throws java.io.UncheckedIOException when the port cannot be bound
         */
        @Override
        public BrekSandbox start() {
            Map<String, String> keys = partners.isEmpty() ? Map.of(DEFAULT_API_KEY, DEFAULT_PARTNER_ID) : partners;
            return new BrekSandbox(this, keys,
                    new BrekApi(keys, tenantId, channelId, rateLimitPerMinute, rateLimitWindowMillis, clock, seed));
        }

        @Override
        Builder copy() {
            Builder b = copySharedInto(new Builder());
            b.partners.putAll(partners);
            b.tenantId = tenantId;
            b.channelId = channelId;
            b.rateLimitPerMinute = rateLimitPerMinute;
            b.rateLimitWindowMillis = rateLimitWindowMillis;
            return b;
        }

        private static String nonBlank(String name, String value) {
            Objects.requireNonNull(value, name + " == null");
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " is blank");
            }
            return value;
        }
    }
}
