package dev.switchboard.jira.control;

import static dev.switchboard.deliveries.control.TestWebhooks.fixtureText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JiraMyselfTest {

    @Test
    void cloudNamesTheAccountById() {
        JiraMyself me = JiraMyself.parse(JiraSiteKind.CLOUD, fixtureText("jira/myself_cloud.json"));
        assertThat(me).isEqualTo(new JiraMyself("712020:2c8b8f0e-1a2b-4c3d-9e8f-0a1b2c3d4e5f", null, null,
                "Switchboard Bot", "switchboard-bot-8x2k@serviceaccount.atlassian.com"));
    }

    @Test
    void cloudMayWithholdTheEmail() {
        JiraMyself me = JiraMyself.parse(JiraSiteKind.CLOUD, fixtureText("jira/myself_cloud_private_email.json"));
        assertThat(me.accountId()).isEqualTo("5b10a2844c20165700ede21g");
        assertThat(me.displayName()).isEqualTo("Mia Krystof");
        assertThat(me.emailAddress()).isNull();
    }

    @Test
    void dataCenterNamesTheUserByKeyAndName() {
        JiraMyself me = JiraMyself.parse(JiraSiteKind.DATA_CENTER, fixtureText("jira/myself_datacenter.json"));
        assertThat(me).isEqualTo(new JiraMyself(null, "JIRAUSER10100", "switchboard", "Switchboard Service",
                "switchboard@example.com"));
    }

    @Test
    void anAnswerNamingNobodyIsRefused() {
        assertThatThrownBy(() -> JiraMyself.parse(JiraSiteKind.CLOUD, fixtureText("jira/myself_datacenter.json")))
                .as("a Data Center answer from a Cloud site").hasMessageContaining("accountId");
        assertThatThrownBy(() -> JiraMyself.parse(JiraSiteKind.DATA_CENTER, "{\"displayName\":\"x\",\"key\":\"\"}"))
                .hasMessageContaining("key or name");
        assertThatThrownBy(() -> JiraMyself.parse(JiraSiteKind.CLOUD, "<html>Log in</html>")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> JiraMyself.parse(JiraSiteKind.CLOUD, "[]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> JiraMyself.parse(JiraSiteKind.CLOUD, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
