/**
 * The Helvia.ai Bot API client: send messages and postbacks to an AI agent and read its replies.
 * Start with {@link io.github.chatsdk.helvia.HelviaClient}; hold a conversation with
 * {@link io.github.chatsdk.helvia.HelviaConversation}. Errors are the unchecked exceptions of
 * {@code io.github.chatsdk.core}; {@link io.github.chatsdk.helvia.HelviaError} reads Helvia's error body.
 *
 * <p>Nullness: every type in this package is {@code @NullMarked} (JSpecify): nothing is null
 * unless marked {@code @Nullable}; absent values are {@code Optional}.
 */
@NullMarked
package io.github.chatsdk.helvia;

import org.jspecify.annotations.Nullable;

import org.jspecify.annotations.NullMarked;
