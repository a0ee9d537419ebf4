package dev.switchboard.jira.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.control.NoticePoster;
import dev.switchboard.jobs.entity.JobNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/**
 * Posts Jira notices (Markdown) as comments on the issue with the site's service account, through the governed
 * client: Cloud through API v3 in Atlassian Document Format, Data Center through v2 in wiki markup
 * ({@link JiraMarkdown}).
 */
@ApplicationScoped
public class JiraNoticePoster implements NoticePoster {

    @Inject
    JiraSiteAccess sites;

    @Override
    public Platform platform() {
        return Platform.JIRA;
    }

    @Override
    public String post(JobNotice notice) {
        if (!JiraJobs.COMMENT.equals(notice.getKind())) {
            throw new IllegalArgumentException("unknown Jira notice kind " + notice.getKind());
        }
        JiraTarget to = JiraTarget.from(notice.getTarget());
        JiraConnection jira = sites.forTarget(to);
        try (Response r = jira.kind() == JiraSiteKind.CLOUD
                ? jira.api().addAdfComment(jira.authorization(), to.issueKey(), body(JiraMarkdown.toAdf(notice.getBody())))
                : jira.api().addComment(jira.authorization(), to.issueKey(),
                        Json.createObjectBuilder().add("body", JiraMarkdown.toWiki(notice.getBody())).build())) {
            int status = r.getStatus();
            if (status / 100 != 2) {
                throw new IllegalStateException("jira refused the comment on " + to.issueKey() + " (HTTP " + status + ")");
            }
            return postedId(r);
        }
    }

    private static JsonObject body(JsonObject adf) {
        return Json.createObjectBuilder().add("body", adf).build();
    }

    private static String postedId(Response response) {
        try {
            JsonObject posted = Json.createReader(new StringReader(response.readEntity(String.class))).readObject();
            return posted.getString("id", null);
        } catch (RuntimeException e) {
            return null; // posted all the same; the id is only for the record
        }
    }
}
