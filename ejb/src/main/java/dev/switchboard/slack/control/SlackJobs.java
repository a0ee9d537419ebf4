package dev.switchboard.slack.control;

import dev.switchboard.accounts.control.LinkingSettings;
import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.control.AgentServer;
import dev.switchboard.jobs.control.BillingGate;
import dev.switchboard.jobs.control.FollowUp;
import dev.switchboard.jobs.control.FollowUps;
import dev.switchboard.jobs.control.ConversationStarts;
import dev.switchboard.jobs.control.JobInstructions;
import dev.switchboard.jobs.control.JobRecords;
import dev.switchboard.jobs.control.NewConversation;
import dev.switchboard.jobs.control.NoticeDraft;
import dev.switchboard.jobs.control.Notices;
import dev.switchboard.jobs.entity.AgentJob;
import dev.switchboard.jobs.entity.JobStatus;
import dev.switchboard.microagents.control.RepositoryAccess;
import dev.switchboard.microagents.control.RepositoryPlatform;
import dev.switchboard.slack.control.SlackBotTokens.Bot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the job a Slack message asked for, once per delivery. The workspace must have the app installed (or
 * be the team-mode workspace of SLACK_BOT_TOKEN); the user needs a linked Switchboard account (else an
 * ephemeral message asks them to connect one; team mode, ALLOW_UNLINKED_USERS, skips that); the text must name
 * exactly one repository they can access (else a selector in the thread asks which, and the choice comes back
 * here through {@link SlackRepositoryChoices}). A 👀 on the asking message says it was seen. Then, as for
 * GitHub: the job row is committed before the agent server is called and the conversation id right after, and every post is a
 * notice keyed by the delivery or job, so a retried or replayed delivery starts and says nothing twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SlackJobs {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    SlackBotTokens bots;

    @Inject
    SlackRepositories repositories;

    @Inject
    SlackThreads threads;

    @Inject
    JobRecords jobs;

    @Inject
    ConversationStarts conversations;

    @Inject
    Notices notices;

    @Inject
    JobInstructions instructions;

    @Inject
    LinkingSettings linking;

    @Inject
    SlackRepositorySelections selections;

    @Inject
    SlackUsers users;

    @Inject
    FollowUps followUps;

    @Inject
    BillingGate billing;

    public Outcome start(String deliveryId, SlackAsk ask) {
        Optional<Bot> bot = bots.forTeam(ask.team());
        if (bot.isEmpty()) {
            return Outcome.ignored("job asked by " + ask.user() + " in " + ask.where()
                    + ", but Switchboard is not installed in that workspace");
        }
        Optional<LinkedAccount> account = linkedAccount(ask);
        if (account.isEmpty() && !allowUnlinkedUsers()) {
            notices.postOnce(new NoticeDraft(null, Platform.SLACK, SlackNoticePoster.EPHEMERAL,
                    "delivery:" + deliveryId + ":connect-account", ask.answerTo().toString(),
                    SlackMessages.connectAccount(linking.publicUrl().replaceAll("/+$", "")
                            + "/api/oauth/slack/authorize")));
            return Outcome.ignored(ask.user() + " has no linked Switchboard account: asked (ephemeral) in "
                    + ask.where() + " to connect one");
        }
        notices.postOnce(new NoticeDraft(null, Platform.SLACK, SlackNoticePoster.REACTION,
                "delivery:" + deliveryId + ":eyes", ask.message().toJson().toString(), "eyes"));
        String userId = account.map(LinkedAccount::getUserId).orElse(null);
        String target = ask.answerTo().toString();
        Optional<Outcome> elsewhere = billing.refuse(deliveryId, Platform.SLACK, userId, ask.user(),
                SlackNoticePoster.EPHEMERAL, target, null)
                .or(() -> followUps.forward(new FollowUp(deliveryId, Platform.SLACK, ask.threadKey(), ask.user(),
                        SlackPrompt.plain(ask.text(), appUserIds(bot.get(), ask)), target, SlackNoticePoster.REPLY,
                        SlackMessages.couldNotStart(ask.user()), (job, key, link) -> List.of(new NoticeDraft(job.getId(),
                        Platform.SLACK, SlackNoticePoster.REPLY, key + ":ack-reply", target,
                        SlackMessages.onIt(ask.user(), link))))));
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        Optional<AgentJob> existing = jobs.byDelivery(deliveryId);
        // a job started by an earlier attempt needs no second listing of the user's repositories
        SlackRepositories.Accessible accessible = existing.filter(j -> j.getStatus() != JobStatus.STARTING).isPresent()
                ? null : repositories.of(userId);
        String repository;
        if (existing.isPresent()) {
            repository = existing.get().getRepository();
        } else {
            List<String> matches = ask.repositories(accessible.names());
            if (matches.size() != 1) {
                return selections.offer(deliveryId, ask, matches, accessible.names());
            }
            repository = matches.get(0);
        }
        AgentJob job = existing.orElseGet(() -> jobs.open(deliveryId, () -> new AgentJob(deliveryId, Platform.SLACK,
                ask.threadKey(), repository, ask.user(), userId, ask.answerTo().toString(), Instant.now())));
        if (job.getStatus() == JobStatus.STARTING) {
            job = startConversation(job, ask, bot.get(), accessible);
        }
        if (job.getConversationId() == null) {
            return Outcome.processed("job " + job.getId() + " for " + ask.user() + " in " + ask.where()
                    + " could not start: " + job.getLastError());
        }
        notices.postOnce(new NoticeDraft(job.getId(), Platform.SLACK, SlackNoticePoster.REPLY,
                "job:" + job.getId() + ":ack-reply", job.getAnswerTo(),
                SlackMessages.onIt(ask.user(), AgentServer.conversationLink(job.getConversationId()))));
        return Outcome.processed("job " + job.getId() + " started for " + ask.user() + " on " + repository + " from "
                + ask.where() + ": conversation " + job.getConversationId());
    }

    private AgentJob startConversation(AgentJob job, SlackAsk ask, Bot bot, SlackRepositories.Accessible accessible) {
        List<SlackPrompt.Message> thread = ask.inThread()
                ? threads.read(bot.authorization(), ask.channel(), ask.threadTs()) : List.of();
        String prompt = SlackPrompt.build(job.getRepository(), ask.user(),
                users.displayName(bot.authorization(), ask.user()).orElse(null), ask.text(), ask.ts(), thread,
                appUserIds(bot, ask));
        String gitProvider = accessible.gitProviders().getOrDefault(job.getRepository(), "github");
        String instructions = this.instructions.forJob(new RepositoryAccess(RepositoryPlatform.GITHUB,
                job.getRepository(), null, accessible.gitHubAuthorization()), ask.text(),
                SlackPrompt.before(thread, ask.ts()).stream().map(SlackPrompt.Message::text).toList());
        return conversations.start(job, new NewConversation(prompt, job.getRepository(), gitProvider, null,
                instructions), SlackNoticePoster.REPLY, SlackMessages.couldNotStart(ask.user()));
    }

    /** The app's own user ids, whose mentions are no part of what was asked. */
    private static List<String> appUserIds(Bot bot, SlackAsk ask) {
        List<String> ids = new ArrayList<>(bot.botUserIds());
        ids.addAll(ask.appUserIds());
        return ids;
    }

    private Optional<LinkedAccount> linkedAccount(SlackAsk ask) {
        return em.createNamedQuery(LinkedAccount.BY_PROVIDER_USER, LinkedAccount.class)
                .setParameter("provider", "slack")
                .setParameter("providerUserId", ask.providerUserId())
                .getResultStream().findFirst();
    }

    private static boolean allowUnlinkedUsers() {
        return ConfigProvider.getConfig().getOptionalValue("allow.unlinked.users", Boolean.class).orElse(false);
    }
}
