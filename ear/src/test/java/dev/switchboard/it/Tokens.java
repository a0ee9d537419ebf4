package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** What the database holds for linked accounts and installations, read directly. */
final class Tokens {

    private static final String[][] SECRET_COLUMNS = {
            {"linked_account", "access_token"}, {"linked_account", "refresh_token"},
            {"slack_installation", "bot_token"}, {"github_installation", "access_token"},
            {"oauth_state", "code_verifier"}, {"jira_workspace", "webhook_secret"},
            {"jira_workspace", "service_account_token"},
            {"gitlab_webhooks", "secret"}};

    private Tokens() {
    }

    static Map<String, Object> linkedAccount(String provider, String providerUserId) {
        return row("select * from linked_account where provider = ? and provider_user_id = ?", provider, providerUserId);
    }

    static Map<String, Object> row(String sql, Object... params) {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a row for " + sql).isTrue();
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every secret column holds vault ciphertext or nothing, and none contains the given plaintexts. */
    static void assertNoPlaintext(String... plaintexts) {
        try (Connection c = Database.connect()) {
            for (String[] column : SECRET_COLUMNS) {
                try (var s = c.createStatement();
                     ResultSet rs = s.executeQuery("select " + column[1] + " from " + column[0]
                             + " where " + column[1] + " is not null")) {
                    while (rs.next()) {
                        String value = rs.getString(1);
                        assertThat(value).as(column[0] + "." + column[1]).matches("v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
                        for (String plaintext : plaintexts) {
                            assertThat(value).doesNotContain(plaintext);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
