package io.github.chatsdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every example against its embedded sandboxes (an environment without base URLs): exit status 0,
 * the first line names the sandbox, and the lines that show what the example is about are there.
 */
class ExamplesTest {
    static final String BREK_SANDBOX_LINE = "Using the embedded Brek sandbox at http://127\\.0\\.0\\.1:\\d+"
            + " \\(set BREK_BASE_URL and BREK_API_KEY to use a real server\\)";
    static final String HELVIA_SANDBOX_LINE = "Using the embedded Helvia sandbox at http://127\\.0\\.0\\.1:\\d+"
            + " \\(set HELVIA_BASE_URL, HELVIA_API_TOKEN and HELVIA_HANDLE to use a real server\\)";
    static final String REQUEST_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** No base URL, but a key of a real account: the sandbox is used anyway, with its own key. */
    static final Map<String, String> NO_SERVER = Map.of("BREK_API_KEY", "real-key-not-for-the-sandbox",
            "HELVIA_API_TOKEN", "real-token-not-for-the-sandbox");

    @Test
    void brekQuickstartBooksAndShowsTheHistory() {
        ExampleRun run = ExampleRun.of(BrekQuickstartExample::run, NO_SERVER).assertSucceeded();

        assertTrue(run.firstLine().matches(BREK_SANDBOX_LINE), run.firstLine());
        run.assertLineMatches("Session sess_\\d+_[a-z0-9]{8} for partner_user_001 \\(partner acme\\)")
                .assertLine("you:  Seattle Mar 20-23 1 room refundable")
                .assertLine("brek: I found options matching your request in Seattle. [shortlist]")
                .assertLineMatches(" +1\\. Inn at the Market +979\\.38 USD total, 276\\.66/night, refundable, rating 4\\.8")
                .assertLineMatches(" +2\\. Pike Place Suites .*")
                .assertLineMatches("you:  book option 1, Inn at the Market \\(idempotency key"
                        + " quickstart:sess_\\d+_[a-z0-9]{8}:book:001\\)")
                .assertLine("brek: Confirm the card on file (Visa ending 4242) to book Inn at the Market for 979.38 USD."
                        + " [payment_required]")
                .assertLineMatches("brek: Booked: Inn at the Market, 3 nights, 979\\.38 USD\\. Your booking id is"
                        + " BK-[A-Z0-9]{8}\\. \\[booked\\]")
                .assertLine("History: search_query -> shortlist, action_book_option -> payment_required,"
                        + " action_confirm_payment_card -> booked")
                .assertLineMatches("Request id of the booking, for support: " + REQUEST_ID)
                .assertLine("Rate limit: 115 of 120 requests left this minute");
    }

    @Test
    void brekErrorHandlingShowsEachTypedException() {
        ExampleRun run = ExampleRun.of(BrekErrorHandlingExample::run, NO_SERVER).assertSucceeded();

        assertTrue(run.firstLine().matches(BREK_SANDBOX_LINE), run.firstLine());
        run.assertLineMatches(" +-> NotFoundException status=404 code=session_not_found requestId=" + REQUEST_ID
                        + ": Session not found\\.")
                .assertLine("   body: GATEWAY shape, details {sessionId=sess_does_not_exist}")
                .assertLineMatches(" +-> ConflictException status=409 code=- requestId=" + REQUEST_ID
                        + " idempotencyKey=chatsdk_[0-9a-f-]{36}: actor\\.actorId does not match the session owner"
                        + " \\(partner_user_001\\)\\.")
                .assertLineMatches(" +-> PermissionDeniedException status=403 code=invalid_partner_api_key requestId="
                        + REQUEST_ID + ": Invalid partner API key\\.")
                .assertLine("   -> InvalidInputException status=- code=- requestId=-: text must not be blank")
                .assertLine("   field: text")
                .assertLine("   -> InvalidInputException status=- code=- requestId=-: apiKey is required: call"
                        + " apiKey(...) or set BREK_API_KEY")
                .assertLineMatches(" +-> ConnectionException status=- code=- requestId=-: Could not connect after 1"
                        + " attempt .*the request was not delivered")
                .assertLine("   outcomeUnknown: false (the request certainly did not arrive)")
                .assertLineMatches(" +-> AuthenticationException status=401 code=missing_partner_api_key requestId="
                        + REQUEST_ID + ": Missing partner API key\\.")
                .assertLineMatches(" +-> RateLimitException status=429 code=rate_limited requestId=" + REQUEST_ID
                        + ": Exceeded 120 requests per minute")
                .assertLineMatches(" +retryAfter: PT30S, limit 120, remaining 0 .*")
                .assertLineMatches(" +-> InternalServerException status=503 code=service_unavailable requestId="
                        + REQUEST_ID + " idempotencyKey=chatsdk_[0-9a-f-]{36}: Service unavailable .*");
        assertEquals(0, run.count(".*no error: this server accepted it.*"), run.output);
    }

    @Test
    void brekRetriesShowsBackoffReplayAndRetryAfter() {
        ExampleRun run = ExampleRun.of(BrekRetriesExample::run, NO_SERVER).assertSucceeded();

        assertTrue(run.firstLine().matches(BREK_SANDBOX_LINE), run.firstLine());
        run.assertLineMatches(" +-> payment_required after 3 attempts; the sandbox answered 503, 503, 200 to key"
                        + " chatsdk_[0-9a-f-]{36}")
                .assertLine("   -> payment_required after 2 attempts, replayed by the server (idempotent-replayed: true)")
                .assertLineMatches(" +-> ConnectionException .* idempotencyKey=retries:sess_\\d+_[a-z0-9]{8}:book:001:"
                        + " .*outcome is unknown.*")
                .assertLine("   -> outcomeUnknown: true: the booking may or may not exist")
                .assertLineMatches(" +-> payment_required, event evt_\\d+ \\(idempotent-replayed: true\\)")
                .assertLine("   (the client waits 1000 ms before retrying)")
                .assertLineMatches(" +-> shortlist after 2 attempts; \\d+ of 120 requests left this minute");
        assertEquals(3, run.count(" +-> events recorded in the session: 2 \\(the search and one booking\\)"),
                "each booking was recorded once:\n" + run.output);
        // two backoff waits for the 503s, one for the lost response, one Retry-After
        assertEquals(4, run.count(" +\\(the client waits \\d+ ms before retrying\\)"), run.output);
    }

    @Test
    void helviaQuickstartGreetsAndTalksForThreeTurns() {
        ExampleRun run = ExampleRun.of(HelviaQuickstartExample::run, NO_SERVER).assertSucceeded();

        assertTrue(run.firstLine().matches(HELVIA_SANDBOX_LINE), run.firstLine());
        run.assertLine("Helvia is up (status ok). Talking to agent my-agent-handle as user-123.")
                .assertLine("agent: Hi! I'm the Productivity Coach.")
                .assertLine("agent: How can I help you today?")
                .assertLine("you:   Hello, I need help with time management")
                .assertLine("agent: Time management starts with three habits:")
                .assertLine("you:   Any tips against procrastination?")
                .assertLine("agent: Try the 2-minute rule: if a task takes less than two minutes, do it now.")
                .assertLine("you:   Thanks, bye!")
                .assertLine("agent: Goodbye! Have a productive day.");
        assertEquals(3, run.count("you: .*"), run.output);
    }

    @Test
    void helviaOptionsShowsMetadataMarkdownTagsAndLanguage() {
        ExampleRun run = ExampleRun.of(HelviaOptionsExample::run, NO_SERVER).assertSucceeded();

        assertTrue(run.firstLine().matches(HELVIA_SANDBOX_LINE), run.firstLine());
        run.assertLine("   nodes:    [time_management]")
                .assertLineMatches(" +response ids: \\[TX_[0-9a-f-]{36}, TX_[0-9a-f-]{36}\\]")
                .assertLine("   markdown: **Time management** starts with three habits:")
                .assertLine("   stripped: Time management starts with three habits:")
                .assertLine("   markdown: Want a tip on `focus` or on _procrastination_?")
                .assertLine("   stripped: Want a tip on focus or on procrastination?")
                .assertLine("   the sandbox's tags of user-456: [vip, beta]")
                .assertLine("   the sandbox's tags of user-456: [vip]")
                .assertLine("   agent: Hallo! Ich bin der Productivity Coach.")
                .assertLine("   agent: I can help with time management, focus and procrastination. Just ask!")
                .assertLine("   agent: Done: 1 action received.");
    }

    @Test
    void asyncRunsBothApisAtOnce() {
        ExampleRun run = ExampleRun.of(AsyncExample::run, NO_SERVER).assertSucceeded();

        assertTrue(run.firstLine().matches(BREK_SANDBOX_LINE), run.firstLine());
        assertTrue(run.lines.get(1).matches(HELVIA_SANDBOX_LINE), run.lines.get(1));
        run.assertLineMatches(" +Seattle +Lake Union Lodge +375\\.24 USD")
                .assertLineMatches(" +New York +Pod Times Square +353\\.98 USD")
                .assertLineMatches(" +Lisbon +Baixa House +280\\.84 EUR")
                .assertLineMatches(" +Tokyo +Asakusa Riverside Inn +30208 JPY")
                .assertLine("  agent:  Time management starts with three habits: ...")
                .assertLine("  agent:  Try the 2-minute rule: if a task takes less than two minutes, do it now. ...")
                .assertLine("  agent:  Focus ...");
    }
}
