package io.github.chatsdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlainJsonContentTypeTest {
    @Test
    void acceptsApplicationJsonWithoutParsingIt() {
        assertTrue(Transport.isPlainJson("application/json"));
        assertTrue(Transport.isPlainJson("application/json; charset=utf-8"));
        assertTrue(Transport.isPlainJson("Application/JSON;charset=UTF-8"));
        assertTrue(Transport.isPlainJson("application/json ;charset=utf-8"));
    }

    @Test
    void leavesEverythingElseToTheParser() {
        assertFalse(Transport.isPlainJson("application/jsonp"));
        assertFalse(Transport.isPlainJson("application/json-patch+json"));
        assertFalse(Transport.isPlainJson("application/problem+json"));
        assertFalse(Transport.isPlainJson("text/html"));
        assertFalse(Transport.isPlainJson("application/js"));
        assertFalse(Transport.isPlainJson(""));
    }
}
