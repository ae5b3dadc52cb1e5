package io.github.chatsdk.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extraction, compilation and output comparison that ReadmeSnippetsTest relies on. */
class SnippetMachineryTest {
    @TempDir
    Path work;

    private List<SnippetCompiler.Result> compile(String markdown) {
        List<Snippet> snippets = SnippetExtractor.extract(markdown, "X.md");
        return new SnippetCompiler(Path.of(System.getProperty("chatsdk.snippets.wrappers", "src/test/snippets")),
                work, ReadmeSnippetsTest.classPath()).compile(snippets);
    }

    @Test
    void aFragmentThatDoesNotCompileFailsWithItsMarkdownFileAndLine() {
        String md = "# t\n\n<!-- fragment: BrekCode -->\n```java\nimport io.github.chatsdk.core.ServiceException;\n\n"
                + "try {\n    brek.sessions().get(sessionId);\n} catch (ServiceException e) {\n"
                + "    System.out.println(e.code());\n}\n```\n";
        List<SnippetCompiler.Result> results = compile(md);
        assertEquals(1, results.size());
        assertTrue(!results.get(0).ok(), "e.code() does not exist (it is errorCode())");
        assertTrue(results.get(0).errors.get(0).startsWith("X.md:10: error: cannot find symbol"), results.get(0).errors.toString());
    }

    @Test
    void aCompleteUnitThatDoesNotCompileFailsAndTheOthersStillCompile() {
        String md = "```java\nclass A {\n    void f() { undeclared.warn(\"x\"); }\n}\n```\n\n"
                + "```java\nimport java.util.List;\n\nclass B {\n    List<String> l = List.of();\n}\n```\n";
        List<SnippetCompiler.Result> results = compile(md);
        assertTrue(results.get(0).errors.get(0).startsWith("X.md:3: error: cannot find symbol"), results.get(0).errors.toString());
        assertTrue(results.get(1).ok(), results.get(1).errors.toString());
    }

    @Test
    void aFragmentMissingAnImportFails() {
        String md = "<!-- fragment: BrekCode -->\n```java\nEventResult r = brek.events().sendText(sessionId, actorId, \"hi\");\n```\n";
        List<SnippetCompiler.Result> results = compile(md);
        assertTrue(results.get(0).errors.get(0).startsWith("X.md:3: error: cannot find symbol"), results.get(0).errors.toString());
    }

    @Test
    void aModuleDeclarationIsCompiledOnTheModulePath() {
        List<SnippetCompiler.Result> good = compile("```java\nmodule a.b {\n    requires io.github.chatsdk.brek;\n}\n```\n");
        assertTrue(good.get(0).ok(), good.get(0).errors.toString());
        List<SnippetCompiler.Result> bad = compile("```java\nmodule a.b {\n    requires io.github.chatsdk.nothing;\n}\n```\n");
        assertTrue(bad.get(0).errors.get(0).startsWith("X.md:3: error: module not found"), bad.get(0).errors.toString());
    }

    @Test
    void aJavaBlockThatIsNeitherAUnitNorMarkedIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SnippetExtractor.extract("text\n```java\nbrek.close();\n```\n", "X.md"));
        assertTrue(e.getMessage().startsWith("X.md:3: a java block that is neither"), e.getMessage());
    }

    @Test
    void aRunnableProgramNeedsTheTextBlockOfWhatItPrints() {
        assertThrows(IllegalArgumentException.class,
                () -> SnippetExtractor.extract("<!-- run -->\n```java\nclass A {}\n```\n", "X.md"));
        List<Snippet> s = SnippetExtractor.extract("<!-- run -->\n```java\nclass A {}\n```\n\nIt prints:\n\n```text\nhi …\n```\n", "X.md");
        assertEquals("hi …\n", s.get(0).expectedOutput);
        assertTrue(s.get(0).run);
    }

    @Test
    void anEllipsisInTheReadmesOutputStandsForAnyTextWithinALine() {
        assertEquals(List.of(), ProgramRun.mismatches("id: …\nend\n", "id: 42-abc\nend\n"));
        assertEquals(1, ProgramRun.mismatches("id: …\nend\n", "id: 42\nlast\n").size());
        assertEquals(1, ProgramRun.mismatches("one\n", "one\ntwo\n").size());
        assertEquals(1, ProgramRun.mismatches("a…\n", "b\n").size());
    }

    @Test
    void blocksInsideListsAndOtherLanguagesAreHandled() throws Exception {
        List<Snippet> s = SnippetExtractor.extract("- item\n\n  ```java\n  class A {}\n  ```\n\n```xml\n<a/>\n```\n", "X.md");
        assertEquals(1, s.size());
        assertEquals("class A {}\n", s.get(0).code);
        assertEquals(4, s.get(0).line);
        assertTrue(Files.isDirectory(work));
    }
}
