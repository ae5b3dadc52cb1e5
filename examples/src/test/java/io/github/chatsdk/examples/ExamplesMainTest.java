package io.github.chatsdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The launcher of the runnable jar: the tour, {@code --list}, one example by name, and mistakes. */
class ExamplesMainTest {
    static final Map<String, String> NO_SERVER = Map.of();

    @Test
    void withoutArgumentsTheTourHasAConversationWithEachApi() {
        ExampleRun run = ExampleRun.main(NO_SERVER).assertSucceeded();

        assertTrue(run.firstLine().startsWith("chatsdk tour: a short conversation with each API."), run.output);
        run.assertLineMatches("== brek-quickstart: .* ==")
                .assertLineMatches(ExamplesTest.BREK_SANDBOX_LINE)
                .assertLine("you:  Seattle Mar 20-23 1 room refundable")
                .assertLineMatches("brek: Booked: .*\\[booked\\]")
                .assertLineMatches("== helvia-quickstart: .* ==")
                .assertLineMatches(ExamplesTest.HELVIA_SANDBOX_LINE)
                .assertLine("you:   Hello, I need help with time management")
                .assertLine("agent: Goodbye! Have a productive day.");
        assertTrue(run.output.indexOf("== brek-quickstart") < run.output.indexOf("== helvia-quickstart"));
    }

    @Test
    void theTourStopsAtTheFirstFailureWithItsStatus() {
        ExampleRun run = ExampleRun.main(Map.of("BREK_BASE_URL", "http://127.0.0.1:9"));

        assertEquals(1, run.status, run.output);
        assertTrue(run.lastLine().startsWith("Error: InvalidInputException status=- code=- requestId=-: apiKey"),
                run.output);
        assertTrue(!run.output.contains("helvia-quickstart:"), "the Helvia part did not run:\n" + run.output);
    }

    @Test
    void listNamesEveryExampleWithItsDescription() {
        ExampleRun run = ExampleRun.main(NO_SERVER, "--list").assertSucceeded();

        List<String> names = run.lines.stream().filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")[0])
                .collect(Collectors.toList());
        assertEquals(List.of("brek-quickstart", "brek-errors", "brek-retries", "helvia-quickstart", "helvia-options",
                "async"), names);
        run.assertLineMatches("brek-errors +Brek: each typed exception with its status, code and request id");
    }

    @Test
    void anExampleRunsByItsNameOrItsClassName() {
        ExampleRun byName = ExampleRun.main(NO_SERVER, "helvia-quickstart").assertSucceeded();
        assertTrue(byName.firstLine().matches(ExamplesTest.HELVIA_SANDBOX_LINE), byName.output);

        ExampleRun byClass = ExampleRun.main(NO_SERVER, "HelviaQuickstartExample").assertSucceeded();
        assertTrue(byClass.firstLine().matches(ExamplesTest.HELVIA_SANDBOX_LINE), byClass.output);
    }

    @Test
    void anUnknownNameExitsWith2AndTheUsage() {
        ExampleRun run = ExampleRun.main(NO_SERVER, "brek-quickstrat");

        assertEquals(2, run.status);
        assertEquals("Unknown example: brek-quickstrat", run.firstLine());
        run.assertLine("Usage: java -jar chatsdk-examples.jar [--list | <example>]")
                .assertLineMatches(" +brek-quickstart +Brek: .*");
        assertEquals(2, ExampleRun.main(NO_SERVER, "a", "b").status);
        assertEquals(0, ExampleRun.main(NO_SERVER, "--help").status);
    }

    @Test
    void everyExampleIsAPublicFinalClassWithMainAndRun() throws Exception {
        for (ExamplesMain.Example e : ExamplesMain.EXAMPLES) {
            Class<?> type = e.type;
            assertTrue(Modifier.isPublic(type.getModifiers()) && Modifier.isFinal(type.getModifiers()), type.getName());
            assertTrue(type.getSimpleName().endsWith("Example"), type.getName());
            Method main = type.getMethod("main", String[].class);
            assertTrue(Modifier.isStatic(main.getModifiers()), type.getName());
            Method run = type.getMethod("run", PrintStream.class, Map.class);
            assertTrue(Modifier.isStatic(run.getModifiers()) && run.getReturnType() == int.class, type.getName());
        }
    }
}
