package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeycloakConfigSourceTest {

    @Test
    void theRealmGivesTheIssuerAndItsKeys() {
        var source = new KeycloakConfigSource(Map.of("KEYCLOAK_SERVER_URL", "https://sso.example.com/",
                "KEYCLOAK_REALM_NAME", "switchboard")::get);
        assertThat(source.getValue(KeycloakConfigSource.ISSUER)).isEqualTo("https://sso.example.com/realms/switchboard");
        assertThat(source.getValue(KeycloakConfigSource.KEYS))
                .isEqualTo("https://sso.example.com/realms/switchboard/protocol/openid-connect/certs");
        assertThat(source.getOrdinal()).isBetween(111, 299);
    }

    @Test
    void withoutBothNamesItSaysNothing() {
        assertThat(new KeycloakConfigSource(Map.of("KEYCLOAK_SERVER_URL", "https://sso.example.com")::get)
                .getPropertyNames()).isEmpty();
        assertThat(new KeycloakConfigSource(Map.<String, String>of()::get).getValue(KeycloakConfigSource.ISSUER)).isNull();
    }
}
