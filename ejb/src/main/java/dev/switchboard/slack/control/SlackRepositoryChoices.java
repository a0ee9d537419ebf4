package dev.switchboard.slack.control;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.deliveries.entity.WebhookDelivery;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.jobs.control.JobRecords;
import dev.switchboard.jobs.control.NoticeDraft;
import dev.switchboard.jobs.control.Notices;
import dev.switchboard.jobs.entity.AgentJob;
import dev.switchboard.jobs.entity.JobNotice;
import dev.switchboard.slack.control.SlackEvent.BlockActions;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * A requester's choice in the repository selector ({@code block_actions}, stored and queued like any delivery):
 * starts the job of the original request — keyed by the original delivery, so a double click or a replayed
 * choice finds that job instead of starting another — and replaces the selector with "Working on owner/repo …"
 * once. Only the requester's own choice of a repository the selector offered counts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SlackRepositoryChoices {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    SlackRepositorySelections selections;

    @Inject
    SlackJobs slackJobs;

    @Inject
    JobRecords jobs;

    @Inject
    Notices notices;

    public Outcome choose(String deliveryId, BlockActions choice) throws MalformedEventException {
        if (!SlackRepositorySelector.ACTION_ID.equals(choice.actionId())) {
            return Outcome.ignored("action '" + choice.actionId() + "' is not Switchboard's repository selector");
        }
        Optional<JobNotice> selector = selections.pending(choice.blockId());
        Optional<String> asking = SlackRepositorySelector.deliveryOf(choice.blockId());
        WebhookDelivery original = asking.map(id -> em.find(WebhookDelivery.class, id)).orElse(null);
        if (selector.isEmpty() || original == null) {
            return Outcome.ignored("no repository selection is pending for block " + choice.blockId());
        }
        Optional<SlackAsk> ask = SlackAsk.of(SlackEventParser.parse(original.getEvent(), original.getPayload()));
        if (ask.isEmpty()) {
            return Outcome.ignored("delivery " + original.getId() + " asked for no job");
        }
        if (!SlackRepositorySelections.isRequester(selector.get(), choice.team(), choice.user())) {
            notices.postOnce(new NoticeDraft(null, Platform.SLACK, SlackNoticePoster.EPHEMERAL,
                    "delivery:" + deliveryId + ":not-your-choice",
                    new SlackTarget(ask.get().team(), ask.get().channel(), ask.get().threadTs(), choice.user())
                            .toJson().toString(),
                    SlackMessages.notYourChoice(ask.get().user())));
            return Outcome.ignored(choice.user() + " chose in the repository selector of " + ask.get().user()
                    + ": only the requester's choice counts");
        }
        if (!SlackRepositorySelector.offered(selector.get().getBody()).contains(choice.value())) {
            return Outcome.ignored("repository " + choice.value() + " was not offered to " + choice.user());
        }
        Outcome started = slackJobs.start(original.getId(), ask.get().choosing(choice.value()));
        Optional<AgentJob> job = jobs.byDelivery(original.getId());
        String selectorTs = selector.get().getPostedId() != null ? selector.get().getPostedId() : choice.messageTs();
        if (job.isPresent() && selectorTs != null) {
            notices.postOnce(new NoticeDraft(job.get().getId(), Platform.SLACK, SlackNoticePoster.UPDATE,
                    "delivery:" + original.getId() + ":repository-chosen",
                    new SlackMessageRef(ask.get().team(), ask.get().channel(), selectorTs).toJson().toString(),
                    SlackRepositorySelector.chosen(ask.get().user(), job.get().getRepository()).toString()));
        }
        return started;
    }
}
