package io.github.chatsdk.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md, CONTRIBUTING.md and docs/*.md resolves from the file it is in
 * (a file or directory of the repository), and every {@code #anchor} names a heading of its target,
 * with GitHub's anchor rules. Links into code blocks are not links and are ignored.
 */
class LinksTest {
    private static final Path REPO = Path.of(System.getProperty("chatsdk.repo.dir", "..")).toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    static String anchor(String heading) {
        return heading.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static Set<String> anchors(Path md) throws IOException {
        Set<String> out = new HashSet<>();
        for (String line : prose(md)) {
            if (line.startsWith("#")) {
                out.add(anchor(line.replaceFirst("^#+", "")));
            }
        }
        return out;
    }

    private static List<String> prose(Path md) throws IOException {
        List<String> out = new ArrayList<>();
        boolean code = false;
        for (String line : Files.readAllLines(md, StandardCharsets.UTF_8)) {
            if (line.trim().startsWith("```")) {
                code = !code;
                continue;
            }
            if (!code) {
                out.add(line.replaceAll("`[^`]*`", ""));
            }
        }
        return out;
    }

    @Test
    void everyRelativeLinkAndAnchorOfTheReadmeAndTheDocsResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path md : ReadmeSnippetsTest.markdownFiles()) {
            for (String line : prose(md)) {
                Matcher m = LINK.matcher(line);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-z]+:.*")) {
                        continue;          // https:, mailto: — not checked (no network in tests)
                    }
                    checked++;
                    String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                    String frag = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                    Path resolved = file.isEmpty() ? md : md.getParent().resolve(file).normalize();
                    if (!resolved.startsWith(REPO) || !Files.exists(resolved)) {
                        broken.add(REPO.relativize(md) + ": " + target + " (no such file)");
                    } else if (frag != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(frag)) {
                        broken.add(REPO.relativize(md) + ": " + target + " (no such heading)");
                    }
                }
            }
        }
        assertTrue(checked > 20, "links checked: " + checked);
        assertEquals(List.of(), broken);
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertEquals("withoptions--per-request-options", anchor("withOptions / per-request options"));
        assertEquals("using-chatsdk-with-other-libraries", anchor("Using chatsdk with other libraries"));
    }
}
