package io.github.chatsdk.it.real;

import io.github.chatsdk.brek.CreateSession;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.ResponseMeta;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** The operations the real-server tests send: each with the call id in {@code x-test-call}, sync or async. */
enum Op {
    /** Brek {@code POST /sessions}: not idempotent. */
    BREK_CREATE_SESSION(false) {
        @Override
        ResponseMeta sync(Clients c, RequestOptions o, String id) {
            return c.brek.withOptions(o).sessions().create(CreateSession.forActor("actor-" + id)).meta();
        }

        @Override
        CompletableFuture<ResponseMeta> async(Clients c, RequestOptions o, String id) {
            return c.brek.withOptions(o).async().sessions().create(CreateSession.forActor("actor-" + id))
                    .thenApply(r -> r.meta());
        }
    },
    /** Brek {@code POST /events}: carries an idempotency key, so retry-safe. */
    BREK_SEND_EVENT(true) {
        @Override
        ResponseMeta sync(Clients c, RequestOptions o, String id) {
            return c.brek.withOptions(o).events().sendText(SESSION_ID, ACTOR, text(id)).meta();
        }

        @Override
        CompletableFuture<ResponseMeta> async(Clients c, RequestOptions o, String id) {
            return c.brek.withOptions(o).async().events().sendText(SESSION_ID, ACTOR, text(id)).thenApply(r -> r.meta());
        }

        private String text(String id) {
            return "Seattle Mar 20-23 1 room refundable (" + id + ")";
        }
    },
    /** Brek {@code GET /sessions/{id}}: retry-safe. */
    BREK_GET_SESSION(true) {
        @Override
        ResponseMeta sync(Clients c, RequestOptions o, String id) {
            return c.brek.withOptions(o).sessions().get(SESSION_ID).meta();
        }

        @Override
        CompletableFuture<ResponseMeta> async(Clients c, RequestOptions o, String id) {
            return c.brek.withOptions(o).async().sessions().get(SESSION_ID).thenApply(r -> r.meta());
        }
    },
    /** Helvia {@code POST /api/events} through a conversation: not idempotent. */
    HELVIA_MESSAGE(false) {
        @Override
        ResponseMeta sync(Clients c, RequestOptions o, String id) {
            return c.helvia.withOptions(o).conversation("user-" + id).say(text(id)).meta();
        }

        @Override
        CompletableFuture<ResponseMeta> async(Clients c, RequestOptions o, String id) {
            return c.helvia.withOptions(o).conversation("user-" + id).async().say(text(id)).thenApply(r -> r.meta());
        }

        private String text(String id) {
            return "Hello, I need help with time management (" + id + ")";
        }
    },
    /** Helvia {@code GET /api/events}: the health check, retry-safe. */
    HELVIA_HEALTH(true) {
        // TODO(lead): rename to health().check() / async().health().check()
        @Override
        ResponseMeta sync(Clients c, RequestOptions o, String id) {
            return c.helvia.withOptions(o).health().check().meta();
        }

        @Override
        CompletableFuture<ResponseMeta> async(Clients c, RequestOptions o, String id) {
            return c.helvia.withOptions(o).async().health().check().thenApply(r -> r.meta());
        }
    };

    static final String SESSION_ID = "sess_1771456953407_g7p6233d";
    /** The four operations the issue names: session create, event, message, health check. */
    static final java.util.List<Op> NAMED = java.util.List.of(BREK_CREATE_SESSION, BREK_SEND_EVENT, HELVIA_MESSAGE,
            HELVIA_HEALTH);
    static final String ACTOR = "partner_user_001";

    /** Whether the SDK may resend it after it may have been processed. */
    final boolean retrySafe;

    Op(boolean retrySafe) {
        this.retrySafe = retrySafe;
    }

    /** Sends the operation on the calling thread (with the SDK's retries); returns the result's metadata. */
    abstract ResponseMeta sync(Clients c, RequestOptions options, String id);

    /** Sends the operation through the client's {@code async()} view. */
    abstract CompletableFuture<ResponseMeta> async(Clients c, RequestOptions options, String id);

    /**
     * Sends the operation once (with the SDK's retries) and returns the result's metadata; a failure
     * is thrown as the SDK's exception, for async calls too (which are joined).
     */
    ResponseMeta call(Clients c, RequestOptions options, String id, boolean async) {
        return async ? join(() -> async(c, options, id)) : sync(c, options, id);
    }

    /** A retry-safe GET of the same API (so of the same client and connection pool). */
    Op sameApiGet() {
        return this == BREK_CREATE_SESSION || this == BREK_SEND_EVENT || this == BREK_GET_SESSION ? BREK_GET_SESSION
                : HELVIA_HEALTH;
    }

    /** The options that tag every attempt of call {@code id}, plus {@code extra}. */
    static RequestOptions tagged(String id, RequestOptions extra) {
        return extra.toBuilder().header("x-test-call", id).build();
    }

    /** The future's value, or the SDK exception it failed with. */
    static <T> T join(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }
}
