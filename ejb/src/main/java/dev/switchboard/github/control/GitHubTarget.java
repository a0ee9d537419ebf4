package dev.switchboard.github.control;

import dev.switchboard.json.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;

/**
 * Where a GitHub post goes, read back from a job's {@code answer_to} or a notice's target ({@link GitHubAsk#answerTo}).
 *
 * @param replyTo the review thread's first comment, which replies go under; targets written before it was
 *                recorded have none, and their comment is taken instead
 */
record GitHubTarget(long installationId, String owner, String repo, long number, Long commentId, boolean reviewComment,
                    String requester, Long replyTo) {

    static GitHubTarget from(String json) {
        JsonObject target = Jsons.createReader(new StringReader(json)).readObject();
        String[] repository = target.getString("repository").split("/", 2);
        return new GitHubTarget(target.getJsonNumber("installation_id").longValue(), repository[0], repository[1],
                target.getJsonNumber("number").longValue(),
                target.containsKey("comment_id") ? target.getJsonNumber("comment_id").longValue() : null,
                target.getBoolean("review_comment", false), target.getString("requester", ""),
                target.containsKey("reply_to") ? Long.valueOf(target.getJsonNumber("reply_to").longValue())
                        : target.containsKey("comment_id") ? Long.valueOf(target.getJsonNumber("comment_id").longValue())
                        : null);
    }
}
