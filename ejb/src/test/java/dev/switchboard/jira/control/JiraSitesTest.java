package dev.switchboard.jira.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JiraSitesTest {

    @ParameterizedTest
    @CsvSource({
            "https://acme.atlassian.net, https://acme.atlassian.net",
            "HTTPS://Acme.Atlassian.NET/, https://acme.atlassian.net",
            "'  https://jira.example.com/jira//  ', https://jira.example.com/jira",
            "https://jira.example.com:8443/Jira, https://jira.example.com:8443/Jira",
            "http://127.0.0.1:8089/jira-dc, http://127.0.0.1:8089/jira-dc",
            "http://localhost:2990/jira, http://localhost:2990/jira"})
    void siteUrlsAreStoredInOneSpelling(String raw, String stored) {
        assertThat(JiraSites.siteUrl(raw)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://jira.example.com", "http://10.0.0.5:8080/jira", "ftp://jira.example.com",
            "jira.example.com", "/jira", "https://", "https://user:secret@jira.example.com",
            "https://jira.example.com/?os_authType=basic", "https://jira.example.com/#top", "https://exa mple.com",
            "mailto:jira@example.com"})
    void whatIsNotAnHttpsSiteIsRefused(String raw) {
        assertThatThrownBy(() -> JiraSites.siteUrl(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("siteUrl");
    }

    @Test
    void aSiteUrlIsRequired() {
        assertThatThrownBy(() -> JiraSites.siteUrl(" ")).hasMessageContaining("required");
        assertThatThrownBy(() -> JiraSites.siteUrl(null)).hasMessageContaining("required");
        assertThatThrownBy(() -> JiraSites.siteUrl("https://jira.example.com/" + "x".repeat(500)))
                .hasMessageContaining("longer");
    }

    @Test
    void aCloudSiteNeedsItsCloudIdAndADataCenterSiteMayGoWithout() {
        assertThat(JiraSites.cloudId(" 11223344-a1b2-3b33-c444-def123456789 ", "https://acme.atlassian.net"))
                .isEqualTo("11223344-a1b2-3b33-c444-def123456789");
        assertThat(JiraSites.cloudId(null, "https://jira.example.com")).isNull();
        assertThat(JiraSites.cloudId("", "https://jira.example.com")).isNull();
        assertThatThrownBy(() -> JiraSites.cloudId(null, "https://acme.atlassian.net"))
                .hasMessageContaining("needs its cloudId").hasMessageContaining("https://acme.atlassian.net/_edge/tenant_info");
        assertThatThrownBy(() -> JiraSites.cloudId("../../admin", "https://acme.atlassian.net"))
                .hasMessageStartingWith("cloudId");
    }

    @Test
    void emailsAreOptionalButMustBeAddresses() {
        assertThat(JiraSites.email(" bot@serviceaccount.atlassian.com ")).isEqualTo("bot@serviceaccount.atlassian.com");
        assertThat(JiraSites.email(null)).isNull();
        assertThat(JiraSites.email("  ")).isNull();
        assertThatThrownBy(() -> JiraSites.email("bot")).hasMessageContaining("serviceAccountEmail");
        assertThatThrownBy(() -> JiraSites.email("b:ot@example.com")).as("the colon would split Basic auth")
                .hasMessageContaining("serviceAccountEmail");
        assertThatThrownBy(() -> JiraSites.email("bot@example.com\r\nX-Evil: 1")).hasMessageContaining("serviceAccountEmail");
    }

    @Test
    void tokensMustBeHeaderSafeAndAreNeverQuoted() {
        assertThat(JiraSites.token(" ATATT3xFfGF0T0k3n=ABC123 ")).isEqualTo("ATATT3xFfGF0T0k3n=ABC123");
        assertThat(JiraSites.token(null)).isNull();
        assertThatThrownBy(() -> JiraSites.token("secret-part\r\nX-Evil: 1"))
                .hasMessageContaining("serviceAccountToken").message().doesNotContain("secret-part");
        assertThatThrownBy(() -> JiraSites.token("two words")).hasMessageContaining("serviceAccountToken");
    }
}
