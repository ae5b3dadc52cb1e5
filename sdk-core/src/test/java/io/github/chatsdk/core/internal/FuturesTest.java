package io.github.chatsdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.RequestOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FuturesTest {
    @Test
    void mapAppliesTheFunctionAndKeepsTheSourceExceptionUnwrapped() {
        CompletableFuture<String> ok = new CompletableFuture<>();
        CompletableFuture<Integer> length = Futures.map(ok, String::length);
        ok.complete("four");
        assertEquals(4, length.join());

        ChatSdkException boom = new ChatSdkException("boom", null, 1, null);
        CompletableFuture<String> failed = new CompletableFuture<>();
        CompletableFuture<Integer> mapped = Futures.map(failed.thenApply(s -> s), String::length);
        failed.completeExceptionally(boom);
        assertSame(boom, mapped.handle((v, t) -> t).join(), "no CompletionException around it");
    }

    @Test
    void whatTheMapperThrowsFailsTheFuture() {
        IllegalStateException bad = new IllegalStateException("unreadable");
        CompletableFuture<Integer> mapped = Futures.map(CompletableFuture.completedFuture("x"), s -> {
            throw bad;
        });
        assertSame(bad, mapped.handle((v, t) -> t).join());
    }

    @Test
    void cancellingTheMappedFutureCancelsTheSource() {
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<Integer> mapped = Futures.map(source, String::length);
        assertTrue(mapped.cancel(true));
        assertTrue(source.isCancelled());
    }

    @Test
    void unwrapRemovesEveryCompletionLayer() {
        RuntimeException root = new RuntimeException("root");
        assertSame(root, Futures.unwrap(new CompletionException(new CompletionException(root))));
        assertSame(root, Futures.unwrap(root));
    }

    @Test
    void mergedOptionsKeepTheBaseAndLetTheTopWin() {
        RequestOptions base = RequestOptions.builder().maxRetries(0).timeout(Duration.ofSeconds(5))
                .header("x-a", "base").header("x-b", "base").build();
        RequestOptions top = RequestOptions.builder().readTimeout(Duration.ofSeconds(1)).header("x-a", "top").build();
        RequestOptions merged = base.withOverrides(top);
        assertEquals(0, merged.maxRetries().getAsInt());
        assertEquals(Duration.ofSeconds(5), merged.timeout().orElseThrow());
        assertEquals(Duration.ofSeconds(1), merged.readTimeout().orElseThrow());
        assertEquals(Map.of("x-a", "top", "x-b", "base"), merged.headers());
    }
}
