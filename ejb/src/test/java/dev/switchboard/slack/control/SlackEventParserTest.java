package dev.switchboard.slack.control;

import static dev.switchboard.testing.Fixtures.event;
import static dev.switchboard.testing.Fixtures.with;
import static dev.switchboard.testing.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.slack.control.SlackEvent.AppMention;
import dev.switchboard.slack.control.SlackEvent.BlockActions;
import dev.switchboard.slack.control.SlackEvent.Message;
import dev.switchboard.slack.control.SlackEvent.Unsupported;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackEventParserTest {

    @Test
    void readsAnAppMention() throws Exception {
        assertThat(SlackEventParser.parse("app_mention", event("slack/app_mention.json")))
                .isEqualTo(new AppMention("T061EG9R6", "C0LAN2Q65", "U061F7AUR",
                        "<@U0LAN0Z89> the nightly build of acme/billing is red, can you take a look?",
                        "1710937200.000200", null, null));
    }

    @Test
    void readsADirectMessage() throws Exception {
        Message parsed = (Message) SlackEventParser.parse("message", event("slack/message.im.json"));

        assertThat(parsed.isDirect()).isTrue();
        assertThat(parsed.isThreadReply()).isFalse();
        assertThat(parsed.user()).isEqualTo("U061F7AUR");
        assertThat(parsed.text()).isEqualTo("Please bump the Jackson version in acme/billing");
        assertThat(parsed.appUserIds()).containsExactly("U0LAN0Z89");
    }

    @Test
    void readsAThreadReply() throws Exception {
        Message parsed = (Message) SlackEventParser.parse("message", event("slack/message.channel.thread_reply.json"));

        assertThat(parsed.isThreadReply()).isTrue();
        assertThat(parsed.threadTs()).isEqualTo("1710937200.000200");
        assertThat(parsed.mentionsApp()).isFalse();
    }

    @Test
    void aThreadsParentIsNotAReply() throws Exception {
        String payload = with(event("slack/message.im.json"), "/event/thread_ts", "1710937500.000300");

        assertThat(((Message) SlackEventParser.parse("message", payload)).isThreadReply()).isFalse();
    }

    @Test
    void recognisesTheAppsMentionInAChannelMessage() throws Exception {
        Message parsed = (Message) SlackEventParser.parse("message", event("slack/message.channel.mention.json"));

        assertThat(parsed.mentionsApp()).isTrue();
    }

    @Test
    void readsTheAppFromLegacyAuthedUsers() throws Exception {
        String payload = with(without(event("slack/message.channel.mention.json"), "/authorizations"),
                "/authed_users", Json.createArrayBuilder().add("U0LAN0Z89").build());

        assertThat(((Message) SlackEventParser.parse("message", payload)).mentionsApp()).isTrue();
    }

    @Test
    void aLabelledMentionCountsToo() throws Exception {
        String payload = with(event("slack/message.channel.thread_reply.json"), "/event/text",
                "<@U0LAN0Z89|openhands> run it");

        assertThat(((Message) SlackEventParser.parse("message", payload)).mentionsApp()).isTrue();
    }

    @Test
    void botMessagesAndEditsNeedNoUser() throws Exception {
        Message bot = (Message) SlackEventParser.parse("message", event("slack/message.bot_message.json"));
        Message edit = (Message) SlackEventParser.parse("message", event("slack/message.message_changed.json"));

        assertThat(bot.botId()).isEqualTo("B0LAN1BOT");
        assertThat(bot.user()).isNull();
        assertThat(edit.subtype()).isEqualTo("message_changed");
        assertThat(edit.user()).isNull();
    }

    @Test
    void readsARepositorySelection() throws Exception {
        assertThat(SlackEventParser.parse("block_actions", event("slack/block_actions.json")))
                .isEqualTo(new BlockActions("T061EG9R6", "U061F7AUR", "C0LAN2Q65", "repository_select",
                        "repo_block",
                        "acme/billing", "1710937210.000210", "1710937200.000200"));
    }

    @Test
    void aButtonSendsItsValue() throws Exception {
        String payload = with(without(event("slack/block_actions.json"), "/actions/0/selected_option"),
                "/actions/0/value", "no_repository");

        assertThat(((BlockActions) SlackEventParser.parse("block_actions", payload)).value())
                .isEqualTo("no_repository");
    }

    @Test
    void otherEventsAreUnsupported() throws Exception {
        assertThat(SlackEventParser.parse("reaction_added", event("slack/app_mention.json")))
                .isEqualTo(new Unsupported("event 'reaction_added' is not handled"));
    }

    @ParameterizedTest
    @CsvSource({
            "app_mention, slack/app_mention.json, /event/user, event.user",
            "app_mention, slack/app_mention.json, /event/text, event.text",
            "app_mention, slack/app_mention.json, /event, event",
            "app_mention, slack/app_mention.json, /team_id, team_id",
            "message, slack/message.im.json, /event/user, event.user",
            "message, slack/message.im.json, /event/channel, event.channel",
            "message, slack/message.im.json, /event/ts, event.ts",
            "block_actions, slack/block_actions.json, /user, user.id",
            "block_actions, slack/block_actions.json, /actions/0/selected_option, actions.0.selected_option.value",
            "block_actions, slack/block_actions.json, /actions, actions",
    })
    void aMissingRequiredFieldIsMalformed(String type, String fixture, String pointer, String field) {
        String payload = without(event(fixture), pointer);

        assertThatThrownBy(() -> SlackEventParser.parse(type, payload))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("required field '" + field + "' is missing");
    }

    @Test
    void noActionsIsMalformed() {
        String payload = with(event("slack/block_actions.json"), "/actions", Json.createArrayBuilder().build());

        assertThatThrownBy(() -> SlackEventParser.parse("block_actions", payload))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("required field 'actions' is empty");
    }
}
