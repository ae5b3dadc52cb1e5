package io.github.chatsdk.core.internal.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlainJsonContentTypeTest {
    @Test
    void acceptsApplicationJsonWithoutParsingIt() {
        assertTrue(Bodies.isPlainJson("application/json"));
        assertTrue(Bodies.isPlainJson("application/json; charset=utf-8"));
        assertTrue(Bodies.isPlainJson("Application/JSON;charset=UTF-8"));
        assertTrue(Bodies.isPlainJson("application/json ;charset=utf-8"));
    }

    @Test
    void leavesEverythingElseToTheParser() {
        assertFalse(Bodies.isPlainJson("application/jsonp"));
        assertFalse(Bodies.isPlainJson("application/json-patch+json"));
        assertFalse(Bodies.isPlainJson("application/problem+json"));
        assertFalse(Bodies.isPlainJson("text/html"));
        assertFalse(Bodies.isPlainJson("application/js"));
        assertFalse(Bodies.isPlainJson(""));
    }
}
