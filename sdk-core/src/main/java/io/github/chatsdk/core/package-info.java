/**
 * What the chatsdk clients share: the exception hierarchy, response metadata, rate limits,
 * idempotency keys and the common builder settings.
 *
 * <p>Nullness: every type in this package is {@code @NullMarked} (JSpecify): nothing is null
 * unless marked {@code @Nullable}; absent values are {@code Optional}.
 */
@NullMarked
package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

import org.jspecify.annotations.NullMarked;
