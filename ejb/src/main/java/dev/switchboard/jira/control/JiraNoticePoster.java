package dev.switchboard.jira.control;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.control.NoticePoster;
import dev.switchboard.jobs.entity.JobNotice;
import dev.switchboard.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Optional;

/**
 * Posts Jira notices (Markdown) as comments on the issue with the site's service account, through the governed
 * client: Cloud through API v3 in Atlassian Document Format, Data Center through v2 in wiki markup
 * ({@link JiraMarkdown}). Each comment carries the notice's id in a comment property ({@link #PROPERTY}), by which
 * a comment whose outcome was lost is looked for ({@link #findPosted}) before it is posted again.
 */
@ApplicationScoped
public class JiraNoticePoster implements NoticePoster {

    /** The comment property that names the notice a comment was posted for. */
    public static final String PROPERTY = "switchboard.notice";
    private static final int RECENT_COMMENTS = 100;

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
                ? jira.api().addAdfComment(jira.authorization(), to.issueKey(),
                        marked(JiraMarkdown.toAdf(notice.getBody()), notice))
                : jira.api().addComment(jira.authorization(), to.issueKey(),
                        marked(Jsons.createValue(JiraMarkdown.toWiki(notice.getBody())), notice))) {
            int status = r.getStatus();
            if (status / 100 != 2) {
                throw new IllegalStateException("jira refused the comment on " + to.issueKey() + " (HTTP " + status + ")");
            }
            return postedId(r);
        }
    }

    /**
     * Looks for the notice's property among the issue's newest comments (a lost post is among the last few; a page
     * is Jira's largest).
     */
    @Override
    public Optional<String> findPosted(JobNotice notice) {
        JiraTarget to = JiraTarget.from(notice.getTarget());
        JiraConnection jira = sites.forTarget(to);
        try (Response r = jira.api().commentsWithProperties(jira.authorization(), to.issueKey(), 0, RECENT_COMMENTS,
                "-created", "properties")) {
            if (r.getStatus() != 200) {
                throw new IllegalStateException("jira refused the comments of " + to.issueKey() + " (HTTP "
                        + r.getStatus() + ")");
            }
            JsonObject page = Jsons.createReader(new StringReader(r.readEntity(String.class))).readObject();
            for (JsonValue comment : page.getJsonArray("comments")) {
                JsonObject c = comment.asJsonObject();
                if (carries(c, notice)) {
                    return Optional.ofNullable(c.getString("id", null));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean carries(JsonObject comment, JobNotice notice) {
        JsonArray properties = comment.getJsonArray("properties");
        if (properties == null) {
            return false;
        }
        for (JsonValue property : properties) {
            if (property.getValueType() == JsonValue.ValueType.OBJECT
                    && PROPERTY.equals(property.asJsonObject().getString("key", null))
                    && property.asJsonObject().get("value") instanceof JsonObject value
                    && notice.getId().equals(value.getString("id", null))) {
                return true;
            }
        }
        return false;
    }

    /** The comment with the notice's property, which Jira keeps with it and shows nobody. */
    private static JsonObject marked(JsonValue body, JobNotice notice) {
        return Jsons.createObjectBuilder().add("body", body).add("properties", Jsons.createArrayBuilder()
                .add(Jsons.createObjectBuilder().add("key", PROPERTY)
                        .add("value", Jsons.createObjectBuilder().add("id", notice.getId())))).build();
    }

    private static String postedId(Response response) {
        try {
            JsonObject posted = Jsons.createReader(new StringReader(response.readEntity(String.class))).readObject();
            return posted.getString("id", null);
        } catch (RuntimeException e) {
            return null; // posted all the same; the id is only for the record
        }
    }
}
