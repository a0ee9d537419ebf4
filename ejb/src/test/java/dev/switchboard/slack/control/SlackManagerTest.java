package dev.switchboard.slack.control;

import static dev.switchboard.testing.Fixtures.event;
import static dev.switchboard.testing.Fixtures.with;
import static dev.switchboard.testing.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.events.control.MalformedEventException;
import org.junit.jupiter.api.Test;

/** Parser and decision together, as the manager runs them on stored deliveries. */
class SlackManagerTest {

    private final SlackManager manager = new SlackManager();

    @Test
    void handlesSlack() {
        assertThat(manager.platform()).isEqualTo(Platform.SLACK);
    }

    @Test
    void anAppMentionRequestsAJob() throws Exception {
        assertThat(manager.receive("app_mention", event("slack/app_mention.json"))).isEqualTo(Outcome.processed(
                "a job would be requested by U061F7AUR for channel C0LAN2Q65: app mention"));
    }

    @Test
    void anAppMentionInAThreadNamesTheThread() throws Exception {
        String payload = with(event("slack/app_mention.json"), "/event/thread_ts", "1710930000.000100");

        assertThat(manager.receive("app_mention", payload)).isEqualTo(Outcome.processed(
                "a job would be requested by U061F7AUR for thread 1710930000.000100 in channel C0LAN2Q65: app mention"));
    }

    @Test
    void anAppMentionByAnotherBotIsIgnored() throws Exception {
        String payload = with(event("slack/app_mention.json"), "/event/bot_id", "B0OTHERBOT");

        assertThat(manager.receive("app_mention", payload))
                .isEqualTo(Outcome.ignored("mention written by a bot (B0OTHERBOT)"));
    }

    @Test
    void aDirectMessageRequestsAJob() throws Exception {
        assertThat(manager.receive("message", event("slack/message.im.json"))).isEqualTo(Outcome.processed(
                "a job would be requested by U061F7AUR for direct message channel D024BE91L: direct message"));
    }

    @Test
    void theChannelMessageCopyOfAnAppMentionIsIgnored() throws Exception {
        assertThat(manager.receive("message", event("slack/message.channel.mention.json")))
                .isEqualTo(Outcome.ignored("handled as app_mention"));
    }

    @Test
    void aThreadReplyWaitsForJobsToExist() throws Exception {
        assertThat(manager.receive("message", event("slack/message.channel.thread_reply.json")))
                .isEqualTo(Outcome.ignored("no job in thread 1710937200.000200 yet"));
    }

    @Test
    void aThreadReplyBySomeoneWhoAskedInThatThreadIsARequest() throws Exception {
        SlackEvent reply = SlackEventParser.parse("message", event("slack/message.channel.thread_reply.json"));
        SlackEvent.Message message = (SlackEvent.Message) reply;

        assertThat(SlackJobRequests.decide(reply, m -> m.user().equals(message.user())
                && m.threadTs().equals("1710937200.000200"))).isEqualTo(Outcome.processed("a job would be requested by "
                + message.user() + " for thread 1710937200.000200 in channel C0LAN2Q65: reply in a thread with their job"));
        assertThat(SlackJobRequests.decide(reply, m -> false))
                .isEqualTo(Outcome.ignored("no job in thread 1710937200.000200 yet"));
    }

    @Test
    void aChannelMessageWithoutMentionIsIgnored() throws Exception {
        String payload = without(event("slack/message.channel.thread_reply.json"), "/event/thread_ts");

        assertThat(manager.receive("message", payload))
                .isEqualTo(Outcome.ignored("message in channel C0LAN2Q65 does not mention the app"));
    }

    @Test
    void botMessagesAreIgnored() throws Exception {
        assertThat(manager.receive("message", event("slack/message.bot_message.json")))
                .isEqualTo(Outcome.ignored("message written by a bot (B0LAN1BOT)"));
    }

    @Test
    void editsAreIgnored() throws Exception {
        assertThat(manager.receive("message", event("slack/message.message_changed.json")))
                .isEqualTo(Outcome.ignored("message subtype 'message_changed' is not handled"));
    }

    @Test
    void aFileSharedInADirectMessageIsStillAPersonAsking() throws Exception {
        String payload = with(event("slack/message.im.json"), "/event/subtype", "file_share");

        assertThat(manager.receive("message", payload)).isEqualTo(Outcome.processed(
                "a job would be requested by U061F7AUR for direct message channel D024BE91L: direct message"));
    }

    @Test
    void aRepositorySelectionIsRecorded() throws Exception {
        assertThat(manager.receive("block_actions", event("slack/block_actions.json")))
                .isEqualTo(Outcome.processed("repository selection acme/billing by U061F7AUR"));
    }

    @Test
    void otherEventsAreIgnored() throws Exception {
        assertThat(manager.receive("member_joined_channel", event("slack/app_mention.json")))
                .isEqualTo(Outcome.ignored("event 'member_joined_channel' is not handled"));
    }

    @Test
    void aMalformedPayloadPropagates() {
        String payload = without(event("slack/app_mention.json"), "/event/channel");

        assertThatThrownBy(() -> manager.receive("app_mention", payload))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("required field 'event.channel' is missing");
    }
}
