/**
 * The Brek Partner Core Chat API client. Start with {@link io.github.chatsdk.brek.BrekClient}.
 */
package io.github.chatsdk.brek;
