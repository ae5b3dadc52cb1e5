package io.github.chatsdk.brek;

import io.github.chatsdk.testsupport.AbstractOkHttpLineTest;

/** This module's unit tests run on the OkHttp line the build chose for the run (5.x, or 4.12). */
class OkHttpLineTest extends AbstractOkHttpLineTest {
}
