/**
 * The Helvia.ai Bot API client: send messages and postbacks to an AI agent and read its replies.
 */
package io.github.chatsdk.helvia;
