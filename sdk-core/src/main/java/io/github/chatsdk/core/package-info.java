/**
 * What the chatsdk clients share: the exception hierarchy, response metadata, rate limits,
 * idempotency keys and the common builder settings.
 */
package io.github.chatsdk.core;
