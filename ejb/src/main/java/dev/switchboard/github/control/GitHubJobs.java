package dev.switchboard.github.control;

import dev.switchboard.accounts.control.LinkingSettings;
import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.control.AgentServer;
import dev.switchboard.jobs.control.BillingGate;
import dev.switchboard.jobs.control.FollowUp;
import dev.switchboard.jobs.control.FollowUps;
import dev.switchboard.jobs.control.ConversationStarts;
import dev.switchboard.jobs.control.JobRecords;
import dev.switchboard.jobs.control.JobInstructions;
import dev.switchboard.jobs.control.MarkdownMessages;
import dev.switchboard.microagents.control.RepositoryAccess;
import dev.switchboard.microagents.control.RepositoryPlatform;
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
 * Starts the job a GitHub event asked for, once per delivery: the requester must have write access (checked
 * first, so drive-by users get no answer at all) and a linked Switchboard account (else a comment asks them to
 * connect one; team mode, ALLOW_UNLINKED_USERS, skips that). The job row is committed before the agent server is
 * called and the conversation id right after, and every post is a notice keyed by the job, so a retried or
 * replayed delivery finds what was done and neither starts a second conversation nor acknowledges twice.
 */
@Stateless
public class GitHubJobs {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    GitHubAppTokens tokens;

    @Inject
    GitHubPermissions permissions;

    @Inject
    GitHubThreadReads threads;

    @Inject
    GitHubPullRequestReads pullRequests;

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

    public Outcome start(String deliveryId, GitHubAsk ask) {
        Long installationId = ask.repository().installationId();
        if (installationId == null) {
            return Outcome.ignored("job asked by " + ask.sender().login() + " on " + ask.ref()
                    + ", but the delivery comes from no GitHub App installation, so Switchboard cannot act there");
        }
        String[] repo = ask.repository().fullName().split("/", 2);
        String authorization = "Bearer " + tokens.installationToken(installationId);
        String permission = permissions.of(authorization, repo[0], repo[1], ask.sender().login());
        if (!GitHubPermissions.mayAsk(permission)) {
            return Outcome.ignored(ask.sender().login() + " may not ask for jobs on " + ask.ref() + " (permission "
                    + permission + "; admin, maintain or write needed)");
        }
        Optional<LinkedAccount> account = linkedAccount(ask);
        if (account.isEmpty() && !allowUnlinkedUsers()) {
            notices.postOnce(new NoticeDraft(null, Platform.GITHUB, GitHubNoticePoster.COMMENT,
                    "delivery:" + deliveryId + ":connect-account", ask.answerTo().toString(),
                    MarkdownMessages.connectAccount(ask.sender().login(), "GitHub",
                            linking.publicUrl().replaceAll("/+$", "") + "/api/oauth/github/authorize")));
            return Outcome.ignored(ask.sender().login() + " has no linked Switchboard account: asked on " + ask.ref()
                    + " to connect one");
        }
        String login = ask.sender().login();
        Optional<Outcome> elsewhere = billing.refuse(deliveryId, Platform.GITHUB, account.map(LinkedAccount::getUserId)
                .orElse(null), login, GitHubNoticePoster.COMMENT, ask.answerTo().toString(), "@" + login)
                .or(() -> followUps.forward(new FollowUp(deliveryId, Platform.GITHUB, ask.threadKey(), login,
                        ask.request(), ask.answerTo().toString(), GitHubNoticePoster.COMMENT,
                        MarkdownMessages.couldNotPassOn(login), (job, key, link) -> acknowledgements(job.getId(), key,
                        ask.answerTo().toString(), MarkdownMessages.onIt(login, link)))));
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        AgentJob job = jobs.open(deliveryId, () -> new AgentJob(deliveryId, Platform.GITHUB, ask.threadKey(),
                ask.repository().fullName(), ask.sender().login(), account.map(LinkedAccount::getUserId).orElse(null),
                ask.answerTo().toString(), Instant.now()));
        if (job.getStatus() == JobStatus.STARTING) {
            job = startConversation(job, ask, authorization, repo);
        }
        if (job.getConversationId() == null) {
            return Outcome.processed("job " + job.getId() + " for " + ask.sender().login() + " on " + ask.ref()
                    + " could not start: " + job.getLastError());
        }
        acknowledge(job, ask);
        return Outcome.processed("job " + job.getId() + " started for " + ask.sender().login() + " on " + ask.ref()
                + ": conversation " + job.getConversationId());
    }

    private AgentJob startConversation(AgentJob job, GitHubAsk ask, String authorization, String[] repo) {
        GitHubThreadReads.Thread thread = threads.read(authorization, repo[0], repo[1], ask.number());
        String section = null;
        String branch = null;
        if (ask.pullRequest()) {
            GitHubPullRequestReads.PullRequestReading pr = pullRequests.read(authorization, repo[0], repo[1],
                    ask.number(), ask.reviewComment() ? ask.commentId() : null);
            section = GitHubPullRequestPrompt.section(pr.pullRequest(), pr.files(), pr.filesCut(), pr.thread(),
                    ask.path(), GitHubPullRequestPrompt.MAX_PATCH_CHARS);
            branch = pr.pullRequest().startBranch();
        }
        String prompt = GitHubPrompt.build(ask.repository().fullName(), ask.number(), ask.pullRequest(), thread.title(),
                thread.body(), thread.comments(), ask.sender().login(), ask.request(), ask.path(), ask.line(), section);
        String instructions = this.instructions.forJob(new RepositoryAccess(RepositoryPlatform.GITHUB,
                ask.repository().fullName(), null, authorization), ask.request(),
                thread.comments().stream().map(GitHubPrompt.Comment::body).toList());
        return conversations.start(job, new NewConversation(prompt, ask.repository().fullName(), "github", branch,
                instructions), GitHubNoticePoster.COMMENT, MarkdownMessages.couldNotStart(ask.sender().login()));
    }

    private void acknowledge(AgentJob job, GitHubAsk ask) {
        acknowledgements(job.getId(), "job:" + job.getId(), job.getAnswerTo(),
                MarkdownMessages.onIt(ask.sender().login(), AgentServer.conversationLink(job.getConversationId())))
                .forEach(notices::postOnce);
    }

    /** 👀 on what asked, and the "on it" comment: for a new job and for a follow-up alike. */
    private static List<NoticeDraft> acknowledgements(String jobId, String key, String target, String onIt) {
        return List.of(new NoticeDraft(jobId, Platform.GITHUB, GitHubNoticePoster.REACTION, key + ":ack-reaction", target,
                "eyes"), new NoticeDraft(jobId, Platform.GITHUB, GitHubNoticePoster.COMMENT, key + ":ack-comment", target,
                onIt));
    }

    private Optional<LinkedAccount> linkedAccount(GitHubAsk ask) {
        if (ask.sender().id() == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(LinkedAccount.BY_PROVIDER_USER, LinkedAccount.class)
                .setParameter("provider", "github")
                .setParameter("providerUserId", String.valueOf(ask.sender().id()))
                .getResultStream().findFirst();
    }

    private static boolean allowUnlinkedUsers() {
        return ConfigProvider.getConfig().getOptionalValue("allow.unlinked.users", Boolean.class).orElse(false);
    }
}
