package io.github.chatsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strict parsing of request bodies, written without Gson 2.11's {@code Strictness} so that it is
 * the same on the Gson floor (2.8.9): what RFC 8259 allows is read, everything else is refused.
 */
class JsonSupportTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":1}", "[]", "{}", "\"text\"", "true", "false", "null", "-1.5e+10", "1E5",
            "{\"a\":[true,false,null,{\"b\":\"c\"}]}", " \t\r\n{\"a\":\"TRUE Null False\"} \n",
            "{\"quote\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0027\"}", "{\"escapedBackslashThenQuote\":\"\\\\'\"}"})
    void rfc8259JsonIsRead(String text) {
        Optional<JsonElement> value = JsonSupport.parseStrict(text);
        assertTrue(value.isPresent(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // what Gson's non-lenient reader accepts although RFC 8259 does not
            "TRUE", "{\"a\":True}", "[Null]", "{\"a\":fALSE}", "{\"a\":\"it\\'s\"}", "{\"a\":\"line\\\nfeed\"}",
            "{\"a\":\"tab\there\"}", "{\"a\":\"nul\u0000\"}",
            // what only a lenient reader accepts
            "{a:1}", "{'a':1}", "{\"a\":1} trailing", "{\"a\":1}{\"b\":2}", "// comment\n{}", "{\"a\":NaN}",
            "[1;2]", "{\"a\"=1}", ")]}'\n{}", "[1,,2]", "{\"a\":unquoted}",
            // not JSON at all
            "", "   ", "{\"a\":", "[\"unterminated]"})
    void anythingElseIsRefused(String text) {
        assertEquals(Optional.empty(), JsonSupport.parseStrict(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"True\"}", "{\"TRUE\":1}", "{\"a\":\"\\\\n\"}", "1e5", "{\"a\":-0.5E-3}"})
    void literalsInStringsAndExponentsAreNotDepartures(String text) {
        assertFalse(JsonSupport.hasLegacyDeparture(text), text);
    }
}
