package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/** Puts a posted notice back where a crash between its post and its record would have left it. */
final class CrashWindow {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private CrashWindow() {
    }

    /** Makes the connect-account notice of a delivery look as a crash after its post would leave it; its id. */
    static String lostOutcome(String deliveryRowId) {
        return lostOutcomeOf("delivery:" + deliveryRowId + ":connect-account");
    }

    /** The same for the notice stored under {@code key}. */
    static String lostOutcomeOf(String key) {
        String notice = Database.queryString("select id from job_notices where idempotency_key = ?", key);
        assertThat(notice).as("the notice " + key).isNotNull();
        Database.execute("update job_notices set status = 'PENDING', posted_id = null, sending_since = now()"
                + " where id = '" + notice + "'");
        return notice;
    }

    /** An operator's replay of each delivery, then both notices' posts recorded. */
    static void replay(java.util.List<String> deliveryRowIds, String... noticeIds) {
        for (String id : deliveryRowIds) {
            assertThat(Server.postEmpty("/api/admin/deliveries/" + id + "/replay", AdminTokens.admin()).statusCode())
                    .isEqualTo(202);
        }
        for (String notice : noticeIds) {
            awaitNotice(notice, "POSTED");
        }
    }

    static void awaitNotice(String noticeId, String status) {
        Database.awaitValue("select id from job_notices where id = '" + noticeId + "' and status = '" + status + "'", WAIT);
    }
}
