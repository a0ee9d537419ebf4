package dev.switchboard.slack.control;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Block Kit message that asks a Slack requester which repository to work on, and what its answers mean.
 * Up to {@link #MAX_OPTIONS} repositories are a {@code static_select}; more are an {@code external_select} whose
 * options Slack loads as the user types ({@code block_suggestion}, answered from the stored list). The block id
 * carries the asking delivery's Switchboard id, so a choice finds its request without any other state. Pure, so
 * it is unit tested.
 */
public final class SlackRepositorySelector {

    /** Slack's limit of options in a select and in an options-load answer. */
    public static final int MAX_OPTIONS = 100;
    public static final String ACTION_ID = "repository_select";
    static final String BLOCK_PREFIX = "repository-selector:";
    // plain_text of an option may be 75 characters; values 150 (GitHub names are at most 140).
    private static final int MAX_OPTION_TEXT = 75;

    private SlackRepositorySelector() {
    }

    /** The notice's idempotency key: one selector per asking delivery. */
    public static String noticeKey(String deliveryId) {
        return "delivery:" + deliveryId + ":repository-selector";
    }

    /**
     * The notice body: the message Slack gets ({@code text}, {@code blocks}) plus the repositories offered, which
     * are kept for {@code block_suggestion} and to check a choice (never sent to Slack).
     */
    public static JsonObject message(String deliveryId, String user, List<String> candidates, List<String> accessible) {
        String question = "<@" + user + "> " + (candidates.isEmpty()
                ? "Which repository should I work on? I couldn't tell from your message."
                : "Your message could mean several repositories. Which one should I work on?");
        List<String> offered = candidates.size() > 1 ? candidates : accessible;
        JsonObject select = offered.size() <= MAX_OPTIONS
                ? Jsons.createObjectBuilder().add("type", "static_select").add("action_id", ACTION_ID)
                        .add("placeholder", plain("Choose a repository")).add("options", options(offered, "")).build()
                : Jsons.createObjectBuilder().add("type", "external_select").add("action_id", ACTION_ID)
                        .add("placeholder", plain("Type to search your repositories")).add("min_query_length", 0)
                        .build();
        JsonArray blocks = Jsons.createArrayBuilder()
                .add(Jsons.createObjectBuilder().add("type", "section").add("block_id", "repository-question")
                        .add("text", Jsons.createObjectBuilder().add("type", "mrkdwn").add("text", question)))
                .add(Jsons.createObjectBuilder().add("type", "actions").add("block_id", BLOCK_PREFIX + deliveryId)
                        .add("elements", Jsons.createArrayBuilder().add(select)))
                .build();
        JsonArrayBuilder repositories = Jsons.createArrayBuilder();
        offered.forEach(repositories::add);
        return Jsons.createObjectBuilder()
                .add("text", question + " Choose it below, or mention me again naming it as `owner/repo`.")
                .add("blocks", blocks).add("repositories", repositories).build();
    }

    /** The selector message once a repository was chosen: the question and the select are gone. */
    public static JsonObject chosen(String user, String repository) {
        String text = "<@" + user + "> chose `" + SlackMessages.escape(repository) + "`. Working on "
                + SlackMessages.escape(repository) + " …";
        return Jsons.createObjectBuilder().add("text", text).add("blocks", Jsons.createArrayBuilder()
                .add(Jsons.createObjectBuilder().add("type", "section")
                        .add("text", Jsons.createObjectBuilder().add("type", "mrkdwn").add("text", text)))).build();
    }

    /** The answer to a {@code block_suggestion}: the first {@link #MAX_OPTIONS} offered names containing the query. */
    public static JsonObject suggestions(List<String> offered, String query) {
        return Jsons.createObjectBuilder().add("options", options(offered, query == null ? "" : query)).build();
    }

    /** The asking delivery a selector block belongs to; empty for any other block. */
    public static Optional<String> deliveryOf(String blockId) {
        if (blockId == null || !blockId.startsWith(BLOCK_PREFIX) || blockId.length() == BLOCK_PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(blockId.substring(BLOCK_PREFIX.length()));
    }

    /** The repositories a stored selector body offered. */
    public static List<String> offered(String noticeBody) {
        JsonObject body = Jsons.createReader(new StringReader(noticeBody)).readObject();
        JsonValue repositories = body.get("repositories");
        if (repositories == null || repositories.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        return repositories.asJsonArray().stream().filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString()).toList();
    }

    /** What Slack is sent: the stored body without the offered list. */
    public static JsonObject forSlack(JsonObject body) {
        return Jsons.createObjectBuilder(body).remove("repositories").build();
    }

    private static JsonArray options(List<String> offered, String query) {
        String needle = query.strip().toLowerCase(Locale.ROOT);
        JsonArrayBuilder options = Jsons.createArrayBuilder();
        offered.stream().filter(name -> name.toLowerCase(Locale.ROOT).contains(needle)).limit(MAX_OPTIONS)
                .forEach(name -> options.add(Jsons.createObjectBuilder().add("text", plain(clip(name)))
                        .add("value", name)));
        return options.build();
    }

    private static JsonObject plain(String text) {
        return Jsons.createObjectBuilder().add("type", "plain_text").add("text", text).build();
    }

    private static String clip(String name) {
        return name.length() <= MAX_OPTION_TEXT ? name : "…" + name.substring(name.length() - MAX_OPTION_TEXT + 1);
    }
}
