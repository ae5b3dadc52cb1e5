/**
 * Implementation details shared by the chatsdk clients. Not API: anything here may change in any
 * release without notice.
 */
package io.github.chatsdk.core.internal;
