package dev.switchboard.gitlab.control;

import dev.switchboard.accounts.control.LinkingSettings;
import dev.switchboard.accounts.entity.LinkStatus;
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
import dev.switchboard.jobs.control.MarkdownMessages;
import dev.switchboard.jobs.control.NewConversation;
import dev.switchboard.jobs.control.NoticeDraft;
import dev.switchboard.jobs.control.Notices;
import dev.switchboard.jobs.entity.AgentJob;
import dev.switchboard.jobs.entity.JobStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the job a GitLab event asked for, once per delivery. The requester is the webhook's {@code user.id}
 * mapped through linked accounts (provider {@code gitlab}); their own token acts on GitLab, as in the reference,
 * since GitLab has no bot account per application (team mode, ALLOW_UNLINKED_USERS, acts for requesters without
 * an account with the token of whoever installed Switchboard's hook there, else GITLAB_TOKEN, and attributes the job
 * to their username). Their access level must be Developer or higher — checked before anything is
 * said, so drive-by users get no answer. A member without a linked account is asked, once, to connect one; that
 * reply is made with the token of whoever installed Switchboard's hook there ({@link GitLabHookOwners}), or
 * GITLAB_TOKEN, and without either nobody can be asked. As for GitHub, the job row is committed before the agent
 * server is called and every post is a notice keyed by the job, so retries and replays repeat nothing.
 */
@Stateless
public class GitLabJobs {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    GitLabCredentials credentials;

    @Inject
    GitLabPermissions permissions;

    @Inject
    GitLabThreadReads threads;

    @Inject
    GitLabHookOwners hookOwners;

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
    FollowUps followUps;

    @Inject
    BillingGate billing;

    /** The acknowledgement's key; its notice's posted id is the discussion a label's job answers in. */
    static String ackKey(String jobId) {
        return "job:" + jobId + ":ack";
    }

    public Outcome start(String deliveryId, GitLabAsk ask) {
        Long gitlabUserId = ask.author().id();
        if (gitlabUserId == null) {
            return Outcome.ignored("job asked by " + ask.requester() + " on " + ask.ref()
                    + ", but the delivery does not say who that is (no user.id)");
        }
        Optional<LinkedAccount> account = linkedAccount(gitlabUserId).filter(GitLabJobs::usable);
        boolean teamMode = allowUnlinkedUsers();
        Optional<Acting> acting = account.map(a -> new Acting(a.getUserId()));
        if (acting.isEmpty()) {
            // team mode acts for the requester, else only asks them to connect: either way with the hook owner's token
            acting = hookOwners.forProject(ask.projectId(), ask.project()).map(Acting::new).or(this::teamToken);
            if (acting.isEmpty()) {
                return Outcome.ignored(ask.requester() + " has no linked Switchboard account, and no GitLab token is"
                        + " at hand on " + ask.ref() + (teamMode ? " to act with in team mode (no hook owner's token,"
                        + " no GITLAB_TOKEN)" : " to ask them to connect one"));
            }
        }
        String actingUserId = acting.get().userId();
        GitLabAuth auth = credentials.of(actingUserId);
        int level = permissions.accessLevel(auth, ask.projectId(), gitlabUserId);
        if (!GitLabPermissions.mayAsk(level)) {
            return Outcome.ignored(ask.requester() + " may not ask for jobs on " + ask.ref() + " (access level "
                    + level + "; Developer (30) or higher needed)");
        }
        GitLabTarget answerTo = ask.answerTo(actingUserId);
        if (account.isEmpty() && !teamMode) {
            notices.postOnce(new NoticeDraft(null, Platform.GITLAB, GitLabNoticePoster.REPLY,
                    "delivery:" + deliveryId + ":connect-account", answerTo.toJson(),
                    MarkdownMessages.connectAccount(ask.requester(), "GitLab",
                            linking.publicUrl().replaceAll("/+$", "") + "/api/oauth/gitlab/authorize")));
            return Outcome.ignored(ask.requester() + " has no linked Switchboard account: asked on " + ask.ref()
                    + " to connect one");
        }
        String requesterId = account.map(LinkedAccount::getUserId).orElse(null);
        Optional<Outcome> elsewhere = billing.refuse(deliveryId, Platform.GITLAB, requesterId, ask.requester(),
                GitLabNoticePoster.REPLY, answerTo.toJson(), "@" + ask.requester())
                .or(() -> followUps.forward(new FollowUp(deliveryId, Platform.GITLAB, ask.threadKey(), ask.requester(),
                        ask.request(), answerTo.toJson(), GitLabNoticePoster.REPLY,
                        MarkdownMessages.couldNotPassOn(ask.requester()), (job, key, link) -> List.of(new NoticeDraft(
                        job.getId(), Platform.GITLAB, GitLabNoticePoster.REPLY, key + ":ack", answerTo.toJson(),
                        MarkdownMessages.onIt(ask.requester(), link))))));
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        AgentJob job = jobs.open(deliveryId, () -> new AgentJob(deliveryId, Platform.GITLAB, ask.threadKey(),
                ask.project(), ask.requester(), requesterId, answerTo.toJson(), Instant.now()));
        if (job.getStatus() == JobStatus.STARTING) {
            job = startConversation(job, ask, auth);
        }
        if (job.getConversationId() == null) {
            return Outcome.processed("job " + job.getId() + " for " + ask.requester() + " on " + ask.ref()
                    + " could not start: " + job.getLastError());
        }
        notices.postOnce(new NoticeDraft(job.getId(), Platform.GITLAB, GitLabNoticePoster.REPLY, ackKey(job.getId()),
                job.getAnswerTo(), MarkdownMessages.onIt(ask.requester(),
                        AgentServer.conversationLink(job.getConversationId()))));
        return Outcome.processed("job " + job.getId() + " started for " + ask.requester() + " on " + ask.ref()
                + ": conversation " + job.getConversationId());
    }

    private AgentJob startConversation(AgentJob job, GitLabAsk ask, GitLabAuth auth) {
        GitLabThreadReads.Thread thread = threads.read(auth, ask);
        String prompt = GitLabPrompt.build(ask.project(), ask.noteable(), ask.iid(), thread.title(),
                thread.description(), thread.notes(), ask.requester(), ask.request(), ask.position());
        String instructions = this.instructions.forJob(GitLabCredentials.repository(auth, ask.project(),
                ask.projectId()), ask.request(), thread.notes().stream().map(GitLabPrompt.Note::body).toList());
        return conversations.start(job, new NewConversation(prompt, ask.project(), "gitlab", thread.branch(),
                instructions), GitLabNoticePoster.REPLY, MarkdownMessages.couldNotStart(ask.requester()));
    }

    /** Whose token acts: a Switchboard user's linked GitLab token, or GITLAB_TOKEN when {@code userId} is null. */
    private record Acting(String userId) {
    }

    private Optional<Acting> teamToken() {
        return credentials.teamToken().map(token -> new Acting(null));
    }

    private Optional<LinkedAccount> linkedAccount(long gitlabUserId) {
        return em.createNamedQuery(LinkedAccount.BY_PROVIDER_USER, LinkedAccount.class)
                .setParameter("provider", "gitlab")
                .setParameter("providerUserId", String.valueOf(gitlabUserId))
                .getResultStream().findFirst();
    }

    /** An account whose token GitLab no longer takes is as good as none: its owner is asked to connect again. */
    private static boolean usable(LinkedAccount account) {
        return account.getStatus() != LinkStatus.NEEDS_RELINK && account.getAccessToken() != null;
    }

    private static boolean allowUnlinkedUsers() {
        return ConfigProvider.getConfig().getOptionalValue("allow.unlinked.users", Boolean.class).orElse(false);
    }
}
