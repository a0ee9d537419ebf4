package dev.switchboard.jira.control;

import dev.switchboard.accounts.control.LinkingSettings;
import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jira.control.JiraRepositoryInference.Inference;
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
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the job a Jira comment or label asked for, once per delivery. The site's service account (workspace or
 * team mode) reads the issue and posts; the requester's Atlassian account must be linked to a Switchboard user
 * (else one comment asks them to connect it; team mode, ALLOW_UNLINKED_USERS, lets them ask with the site's
 * default repositories); the repository is inferred from the text and must be exactly one the requester can use
 * (else one comment asks which). As for GitHub, the job row is committed before the agent server is called and
 * every post is a notice with an idempotency key, so a retried or replayed delivery does nothing twice.
 */
@Stateless
public class JiraJobs {

    public static final String COMMENT = "comment";

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    JiraSiteAccess sites;

    @Inject
    JiraIssueReads issues;

    @Inject
    JiraRepositoryChoices repositories;

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

    public Outcome start(String deliveryId, JiraAsk ask) {
        Optional<JiraConnection> found = sites.forSite(ask.site());
        if (found.isEmpty()) {
            return Outcome.ignored("job asked by " + ask.author().name() + " on " + ask.ref() + ", but Switchboard has"
                    + " no service account for that site (register it: POST /api/admin/jira/workspaces)");
        }
        JiraConnection jira = found.get();
        JiraTarget target = ask.target(jira.workspaceId());
        Optional<AgentJob> earlier = jobs.byDelivery(deliveryId);
        if (earlier.isPresent()) {
            return resume(earlier.get(), ask, jira);
        }
        Optional<LinkedAccount> account = linkedAccount(ask);
        if (account.isEmpty() && !allowUnlinkedUsers()) {
            notices.postOnce(new NoticeDraft(null, Platform.JIRA, COMMENT, "delivery:" + deliveryId + ":connect-account",
                    target.toJson(), JiraMessages.connectAccount(ask.author().name(),
                            linking.publicUrl().replaceAll("/+$", "") + "/api/oauth/jira/authorize")));
            return Outcome.ignored(ask.author().name() + " has no linked Switchboard account: asked on " + ask.ref()
                    + " to connect one");
        }
        String userId = account.map(LinkedAccount::getUserId).orElse(null);
        String request = ask.request() == null ? null : JiraText.fromWiki(ask.request());
        Optional<Outcome> elsewhere = billing.refuse(deliveryId, Platform.JIRA, userId, ask.author().accountId(),
                COMMENT, target.toJson(), null)
                .or(() -> followUps.forward(new FollowUp(deliveryId, Platform.JIRA, ask.threadKey(), ask.author().name(),
                        request, null, COMMENT, JiraMessages.couldNotStart(), (job, key, link) -> List.of(new NoticeDraft(
                        job.getId(), Platform.JIRA, COMMENT, key + ":ack-comment", target.toJson(),
                        JiraMessages.onIt(link))))));
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        JiraPrompt.Issue issue;
        try {
            issue = issues.read(jira, target);
        } catch (JiraReadException e) {
            if (e.isFinal()) {
                return Outcome.ignored("job asked on " + ask.ref() + ", but the service account cannot read the issue: "
                        + e.getMessage());
            }
            throw e;
        }
        List<JiraRepository> defaults = repositories.defaults();
        Inference inference = JiraRepositoryInference.infer(texts(request, issue), repositories.accessible(userId),
                defaults);
        if (!inference.decided()) {
            notices.postOnce(new NoticeDraft(null, Platform.JIRA, COMMENT,
                    "delivery:" + deliveryId + ":which-repository", target.toJson(),
                    JiraMessages.whichRepository(ask.author().name(),
                            JiraRepositoryChoices.names(inference.matches()), JiraRepositoryChoices.names(defaults))));
            return Outcome.ignored("job asked by " + ask.author().name() + " on " + ask.ref() + ", but "
                    + (inference.matches().isEmpty() ? "it names no repository they can use"
                    : "it names several repositories (" + String.join(", ",
                    JiraRepositoryChoices.names(inference.matches())) + ")") + ": asked which one");
        }
        JiraRepository repository = inference.repository();
        AgentJob job = jobs.open(deliveryId, () -> new AgentJob(deliveryId, Platform.JIRA, ask.threadKey(),
                repository.fullName(), ask.author().name(), userId,
                target.withGitProvider(repository.provider()).toJson(), Instant.now()));
        if (job.getStatus() == JobStatus.STARTING) {
            job = startConversation(job, userId, repository, issue, ask.author().name(), request);
        }
        return acknowledged(job, ask);
    }

    /** A retried or replayed delivery whose job exists: nothing is read or inferred again. */
    private Outcome resume(AgentJob job, JiraAsk ask, JiraConnection jira) {
        if (job.getStatus() == JobStatus.STARTING) {
            JiraTarget target = JiraTarget.from(job.getAnswerTo());
            JiraPrompt.Issue issue = issues.read(jira, target);
            String request = ask.request() == null ? null : JiraText.fromWiki(ask.request());
            job = startConversation(job, job.getUserId(), new JiraRepository(target.gitProvider(), job.getRepository()),
                    issue, ask.author().name(), request);
        }
        return acknowledged(job, ask);
    }

    private AgentJob startConversation(AgentJob job, String userId, JiraRepository repository, JiraPrompt.Issue issue,
                                       String requester, String request) {
        String prompt = JiraPrompt.build(issue, repository, requester, request);
        String microagents = repositories.access(userId, repository)
                .map(access -> instructions.forJob(access, request == null ? issue.summary() : request,
                        issue.comments().stream().map(JiraPrompt.Comment::text).toList()))
                .orElse("");
        return conversations.start(job, new NewConversation(prompt, repository.fullName(), repository.provider(), null,
                microagents), COMMENT, JiraMessages.couldNotStart());
    }

    private Outcome acknowledged(AgentJob job, JiraAsk ask) {
        if (job.getConversationId() == null) {
            return Outcome.processed("job " + job.getId() + " for " + ask.author().name() + " on " + ask.ref()
                    + " could not start: " + job.getLastError());
        }
        notices.postOnce(new NoticeDraft(job.getId(), Platform.JIRA, COMMENT, "job:" + job.getId() + ":ack-comment",
                job.getAnswerTo(), JiraMessages.onIt(AgentServer.conversationLink(job.getConversationId()))));
        return Outcome.processed("job " + job.getId() + " started for " + ask.author().name() + " on " + ask.ref()
                + " in " + job.getRepository() + ": conversation " + job.getConversationId());
    }

    /** The request first: what the person asking names wins over what the issue mentions. */
    private static List<String> texts(String request, JiraPrompt.Issue issue) {
        List<String> texts = new ArrayList<>();
        texts.add(request);
        texts.add(issue.summary() + "\n" + issue.description());
        return texts;
    }

    private Optional<LinkedAccount> linkedAccount(JiraAsk ask) {
        return em.createNamedQuery(LinkedAccount.BY_PROVIDER_USER, LinkedAccount.class)
                .setParameter("provider", "jira")
                .setParameter("providerUserId", ask.author().accountId())
                .getResultStream().findFirst();
    }

    private static boolean allowUnlinkedUsers() {
        return ConfigProvider.getConfig().getOptionalValue("allow.unlinked.users", Boolean.class).orElse(false);
    }
}
