/**
 * The Brek Partner Core Chat API client. Start with {@link io.github.chatsdk.brek.BrekClient}.
 *
 * <p>Nullness: every type in this package is {@code @NullMarked} (JSpecify): nothing is null
 * unless marked {@code @Nullable}; absent values are {@code Optional}.
 */
@NullMarked
package io.github.chatsdk.brek;

import org.jspecify.annotations.Nullable;

import org.jspecify.annotations.NullMarked;
