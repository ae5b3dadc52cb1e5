package io.github.chatsdk.testkit;

import java.util.regex.Pattern;

/** A small Markdown-to-plain-text stripper, enough for the Helvia sandbox's own replies. */
final class Markdown {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)]*)\\)");
    private static final Pattern BOLD = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    private static final Pattern ITALIC_STAR = Pattern.compile("(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\w*])");
    private static final Pattern ITALIC_UNDERSCORE = Pattern.compile("(?<![\\w_])_(?!\\s)(.+?)(?<!\\s)_(?![\\w_])");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s+");
    private static final Pattern BULLET = Pattern.compile("(?m)^\\s*[-*+]\\s+");

    private Markdown() {
    }

    static String strip(String markdown) {
        String s = LINK.matcher(markdown).replaceAll("$1");
        s = CODE.matcher(s).replaceAll("$1");
        s = BOLD.matcher(s).replaceAll("$2");
        s = ITALIC_STAR.matcher(s).replaceAll("$1");
        s = ITALIC_UNDERSCORE.matcher(s).replaceAll("$1");
        s = HEADING.matcher(s).replaceAll("");
        s = BULLET.matcher(s).replaceAll("");
        return s;
    }
}
