/**
 * One rate-limit budget shared by every instance of an application: {@link
 * io.github.chatsdk.ratelimit.bucket4j.Bucket4jRateLimiter}, a chatsdk
 * {@link io.github.chatsdk.core.RateLimiter} backed by a Bucket4j bucket in the user's own store
 * (Redis, a JDBC database, Hazelcast, Infinispan, ...).
 */
package io.github.chatsdk.ratelimit.bucket4j;
