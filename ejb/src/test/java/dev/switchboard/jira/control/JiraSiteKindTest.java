package dev.switchboard.jira.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JiraSiteKindTest {

    @Test
    void aCloudIdMakesACloudSite() {
        assertThat(JiraSiteKind.of("11223344-a1b2-3b33-c444-def123456789")).isEqualTo(JiraSiteKind.CLOUD);
        assertThat(JiraSiteKind.of(null)).isEqualTo(JiraSiteKind.DATA_CENTER);
        assertThat(JiraSiteKind.of(" ")).isEqualTo(JiraSiteKind.DATA_CENTER);
        assertThat(JiraSiteKind.CLOUD.id()).isEqualTo("cloud");
        assertThat(JiraSiteKind.DATA_CENTER.id()).isEqualTo("datacenter");
    }

    @Test
    void cloudTakesBasicEmailAndApiToken() {
        String header = JiraSiteKind.CLOUD.authorization("bot@serviceaccount.atlassian.com", "ATATT3xFfGF0abc");
        assertThat(header).startsWith("Basic ");
        assertThat(new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8))
                .isEqualTo("bot@serviceaccount.atlassian.com:ATATT3xFfGF0abc");
        // what `printf fred@example.com:freds_api_token | base64` prints
        assertThat(JiraSiteKind.CLOUD.authorization("fred@example.com", "freds_api_token"))
                .isEqualTo("Basic ZnJlZEBleGFtcGxlLmNvbTpmcmVkc19hcGlfdG9rZW4=");
        assertThat(JiraSiteKind.CLOUD.needsEmail()).isTrue();
    }

    @Test
    void dataCenterTakesThePersonalAccessTokenAsBearer() {
        assertThat(JiraSiteKind.DATA_CENTER.authorization(null, "NjE0MzU2OTY1MzQ5OqZ4")).isEqualTo("Bearer NjE0MzU2OTY1MzQ5OqZ4");
        assertThat(JiraSiteKind.DATA_CENTER.authorization("svc@example.com", "NjE0MzU2OTY1MzQ5OqZ4"))
                .as("the email plays no part").isEqualTo("Bearer NjE0MzU2OTY1MzQ5OqZ4");
        assertThat(JiraSiteKind.DATA_CENTER.needsEmail()).isFalse();
    }

    @Test
    void missingCredentialsAreRefusedWithoutQuotingTheToken() {
        assertThatThrownBy(() -> JiraSiteKind.CLOUD.authorization(null, "ATATT3xsecret"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("ATATT3xsecret");
        assertThatThrownBy(() -> JiraSiteKind.DATA_CENTER.authorization(null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
