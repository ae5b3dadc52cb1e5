package io.github.chatsdk.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Helvia sandbox's agent, a "Productivity Coach": flow nodes with fixed replies (some in
 * Markdown), chosen by postback node id or by keywords in a text turn. Deterministic.
 */
final class HelviaReplies {
    /** One reply text and the node that produced it. */
    static final class Line {
        final String nodeId;
        final int index;
        final String text;

        Line(String nodeId, int index, String text) {
            this.nodeId = nodeId;
            this.index = index;
            this.text = text;
        }
    }

    private static final Map<String, List<String>> GREETING = Map.of(
            "EN", List.of("Hi! I'm the Productivity Coach.", "How can I help you today?"),
            "EL", List.of("Γεια σας! Είμαι ο Productivity Coach.", "Πώς μπορώ να σας βοηθήσω σήμερα;"),
            "DE", List.of("Hallo! Ich bin der Productivity Coach.", "Wie kann ich Ihnen heute helfen?"));
    private static final Map<String, List<String>> GOODBYE = Map.of(
            "EN", List.of("Goodbye! Have a **productive** day."),
            "EL", List.of("Αντίο! Καλή και **παραγωγική** μέρα."),
            "DE", List.of("Auf Wiedersehen! Einen **produktiven** Tag noch."));
    private static final Map<String, String> FALLBACK = Map.of(
            "EN", "You said: \"%s\". I'm a sandbox agent: ask me about **time management**, **focus** or"
                    + " **procrastination**.",
            "EL", "Είπατε: \"%s\". Είμαι ένας δοκιμαστικός πράκτορας: ρωτήστε με για **διαχείριση χρόνου**.",
            "DE", "Sie sagten: \"%s\". Ich bin ein Sandbox-Agent: fragen Sie mich nach **Zeitmanagement**.");
    private static final Map<String, String> UNKNOWN_NODE = Map.of(
            "EN", "I can't find the step \"%s\" in this flow.",
            "EL", "Δεν βρίσκω το βήμα \"%s\" σε αυτή τη ροή.",
            "DE", "Ich finde den Schritt \"%s\" in diesem Ablauf nicht.");
    private static final Map<String, List<String>> NODES = Map.of(
            "time_management", List.of(
                    "**Time management** starts with three habits:\n1. Plan tomorrow *tonight*.\n"
                            + "2. Block time for deep work.\n3. Review your week every Friday.",
                    "Want a tip on `focus` or on _procrastination_?"),
            "procrastination", List.of(
                    "Try the **2-minute rule**: if a task takes less than two minutes, do it now.",
                    "More in [the guide](https://example.org/two-minute-rule)."),
            "focus", List.of("## Focus\n- Silence notifications\n- Work in **25-minute** blocks"),
            "help", List.of("I can help with **time management**, **focus** and **procrastination**. Just ask!"));

    private static final Pattern TIME = Pattern.compile("\\btime\\b|zeitmanagement|χρόνο|χρόνου");
    private static final Pattern PROCRASTINATION = Pattern.compile("procrastinat|aufschieb|αναβλητικ");
    private static final Pattern FOCUS = Pattern.compile("\\bfocus|konzentr|συγκέντρ");
    private static final Pattern HELP = Pattern.compile("\\bhelp\\b|\\bhilfe\\b|βοήθεια");
    private static final Pattern BYE = Pattern.compile("\\b(bye|goodbye|tschüss)\\b|αντίο");
    private static final Pattern HELLO = Pattern.compile("\\b(hi|hello|hey|hallo|guten tag)\\b|γεια");

    private HelviaReplies() {
    }

    /** The language to answer in: {@code EN}, {@code EL} or {@code DE}. */
    static String language(String requested) {
        if (requested == null) {
            return "EN";
        }
        String l = requested.trim().toUpperCase(Locale.ROOT);
        if (l.startsWith("EL") || l.startsWith("GR")) {
            return "EL";
        }
        if (l.startsWith("DE")) {
            return "DE";
        }
        return "EN";
    }

    static List<Line> forText(String text, String language) {
        String t = text.toLowerCase(Locale.ROOT);
        if (TIME.matcher(t).find()) {
            return node("time_management", language);
        }
        if (PROCRASTINATION.matcher(t).find()) {
            return node("procrastination", language);
        }
        if (FOCUS.matcher(t).find()) {
            return node("focus", language);
        }
        if (HELP.matcher(t).find()) {
            return node("help", language);
        }
        if (BYE.matcher(t).find()) {
            return node("goodbye", language);
        }
        if (HELLO.matcher(t).find()) {
            return node("greeting", language);
        }
        return List.of(new Line("fallback", 0, String.format(FALLBACK.get(language), text.trim())));
    }

    /** The replies of a flow node (a {@code node} or {@code intent} postback). */
    static List<Line> node(String nodeId, String language) {
        List<String> texts;
        if (nodeId.equals("greeting")) {
            texts = GREETING.get(language);
        } else if (nodeId.equals("goodbye")) {
            texts = GOODBYE.get(language);
        } else {
            texts = NODES.get(nodeId);
        }
        if (texts == null) {
            return List.of(new Line("fallback", 0, String.format(UNKNOWN_NODE.get(language), nodeId)));
        }
        List<Line> out = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(new Line(nodeId, i, texts.get(i)));
        }
        return out;
    }

    /** The reply to an {@code action} postback. */
    static List<Line> action(int actions) {
        return List.of(new Line("action", 0, "Done: " + actions + (actions == 1 ? " action" : " actions")
                + " received."));
    }
}
