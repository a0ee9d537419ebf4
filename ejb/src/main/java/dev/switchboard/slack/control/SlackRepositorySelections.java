package dev.switchboard.slack.control;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.control.NoticeDraft;
import dev.switchboard.jobs.control.Notices;
import dev.switchboard.jobs.entity.JobNotice;
import dev.switchboard.json.Jsons;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The pending repository choice of a Slack request that named none or several repositories. The selector
 * message is a notice keyed by the asking delivery ({@link SlackRepositorySelector#noticeKey}): it is posted
 * once, and its stored body — with the repositories offered — is the durable record the requester's choice
 * and Slack's type-ahead are checked against.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SlackRepositorySelections {

    @Inject
    Notices notices;

    /**
     * Asks in the thread which repository; the delivery stays {@code IGNORED} until the choice (its own
     * delivery) starts the job. A requester with no repository at all gets the plain question instead.
     */
    public Outcome offer(String deliveryId, SlackAsk ask, List<String> matches, List<String> accessible) {
        String why = matches.isEmpty()
                ? "no repository " + ask.user() + " can access is named in " + ask.where()
                : "several repositories are named in " + ask.where() + " " + matches;
        if (accessible.isEmpty()) {
            notices.postOnce(new NoticeDraft(null, Platform.SLACK, SlackNoticePoster.REPLY,
                    "delivery:" + deliveryId + ":which-repository", ask.answerTo().toString(),
                    SlackMessages.nameTheRepository(ask.user(), matches)));
            return Outcome.ignored(why + ": asked in the thread to name one");
        }
        notices.postOnce(new NoticeDraft(null, Platform.SLACK, SlackNoticePoster.SELECTOR,
                SlackRepositorySelector.noticeKey(deliveryId), ask.answerTo().toString(),
                SlackRepositorySelector.message(deliveryId, ask.user(), matches, accessible).toString()));
        return Outcome.ignored(why + ": asked in the thread to choose one (repository selector)");
    }

    /** The selector a block belongs to, if it is one of ours and was stored. */
    public Optional<JobNotice> pending(String blockId) {
        return SlackRepositorySelector.deliveryOf(blockId)
                .flatMap(delivery -> notices.byKey(SlackRepositorySelector.noticeKey(delivery)));
    }

    /**
     * Slack's options load for the selector's {@code external_select}, answered at once (Slack waits 3 s) from
     * the stored list: only the requester sees their repositories; anyone else, or an unknown block, gets none.
     */
    public JsonObject suggest(String team, String user, String blockId, String query) {
        Optional<JobNotice> selector = pending(blockId);
        if (selector.isEmpty() || !isRequester(selector.get(), team, user)) {
            return Jsons.createObjectBuilder().add("options", Jsons.createArrayBuilder()).build();
        }
        return SlackRepositorySelector.suggestions(SlackRepositorySelector.offered(selector.get().getBody()), query);
    }

    static boolean isRequester(JobNotice selector, String team, String user) {
        SlackTarget asked = SlackTarget.from(selector.getTarget());
        return asked.team().equals(team) && asked.user().equals(user);
    }
}
