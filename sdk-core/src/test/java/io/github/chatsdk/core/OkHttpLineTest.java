package io.github.chatsdk.core;

import io.github.chatsdk.testsupport.AbstractOkHttpLineTest;

/** sdk-core's tests run on the OkHttp line the build chose for the run. */
class OkHttpLineTest extends AbstractOkHttpLineTest {
}
