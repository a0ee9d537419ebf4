package dev.switchboard.console.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleSecurityHeadersTest {

    @Test
    void onlyTheConsolesOwnOriginWithoutAnOidcProvider() {
        String policy = ConsoleSecurityHeaders.policy(Optional.empty());
        assertThat(policy).contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .contains("object-src 'none'").endsWith("connect-src 'self'").doesNotContain("unsafe");
    }

    @Test
    void theOidcProvidersOriginMayBeCalledForTheCodeExchange() {
        assertThat(ConsoleSecurityHeaders.policy(Optional.of("https://Keycloak.example.com:8443/auth/")))
                .endsWith("connect-src 'self' https://keycloak.example.com:8443");
        assertThat(ConsoleSecurityHeaders.policy(Optional.of("http://127.0.0.1:8180")))
                .endsWith("connect-src 'self' http://127.0.0.1:8180");
    }

    @Test
    void aSettingThatIsNoHttpUrlAddsNothing() {
        for (String bad : new String[] {"javascript:alert(1)", "keycloak.example.com", "https://", "http://a b", " "}) {
            assertThat(ConsoleSecurityHeaders.origin(bad)).as(bad).isEmpty();
        }
    }
}
