package dev.switchboard.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OAuthProviderExceptionTest {

    @ParameterizedTest
    @CsvSource({
        "gitlab, invalid_grant,                true",
        "github, bad_refresh_token,            true",
        "github, bad_verification_code,        true",
        "slack,  invalid_refresh_token,        true",
        "slack,  invalid_code,                 true",
        "github, incorrect_client_credentials, false",
        "gitlab, invalid_client,               false",
        "slack,  bad_client_secret,            false",
        "jira,   access_denied,                false",
        "gitlab, temporarily_unavailable,      false"
    })
    void invalidGrantIsTheFamilyOfCodesThatMeanLinkAgain(String id, String code, boolean invalidGrant) {
        OAuthProviderException error = OAuthProviderException.rejected(OAuthProvider.byId(id).orElseThrow(), 400, code,
                null);

        assertThat(error.error()).isEqualTo(code);
        assertThat(error.isInvalidGrant()).isEqualTo(invalidGrant);
    }

    @ParameterizedTest
    @CsvSource({"github", "gitlab", "bitbucket", "slack", "jira"})
    void aDeniedConsentOnTheCallback(String id) {
        OAuthProviderException error = OAuthProviderException.fromCallback(OAuthProvider.byId(id).orElseThrow(),
                "access_denied", "The user denied access.");

        assertThat(error.status()).isZero();
        assertThat(error.isInvalidGrant()).isFalse();
        assertThat(error.getMessage()).isEqualTo(id + ": access_denied: The user denied access.");
    }

    @ParameterizedTest
    @CsvSource(value = {"'<script>alert(1)</script>'", "''", "NULL"}, nullValues = "NULL")
    void anUnreadableErrorCodeIsAMalformedResponse(String code) {
        OAuthProviderException error = OAuthProviderException.rejected(OAuthProvider.GITLAB, 400, code, "whatever");

        assertThat(error.error()).isEqualTo(OAuthProviderException.MALFORMED_RESPONSE);
        assertThat(error.getMessage()).doesNotContain("script");
    }
}
