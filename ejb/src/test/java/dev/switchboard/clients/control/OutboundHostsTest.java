package dev.switchboard.clients.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OutboundHostsTest {

    private final OutboundHosts none = OutboundHosts.of("");

    @ParameterizedTest
    @ValueSource(strings = {
        "http://169.254.169.254/latest/meta-data/", // AWS, GCP, Azure metadata
        "http://169.254.170.2/v2/credentials", // ECS task credentials
        "https://127.0.0.1:4848/management", // the server's own admin port
        "https://127.1.2.3/", "https://localhost/jira", "http://[::1]:8080/", "http://0.0.0.0/",
        "http://[fe80::1]/", "http://[fd00:ec2::254]/latest/meta-data/", "http://224.0.0.1/",
        "http://[::ffff:169.254.169.254]/"
    })
    void metadataLoopbackAndLinkLocalTargetsAreRefused(String url) {
        assertThatThrownBy(() -> none.check(URI.create(url)))
                .isInstanceOf(OutboundHosts.ForbiddenHostException.class)
                .hasMessageContaining("OUTBOUND_ALLOWED_HOSTS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.5/gitlab", "https://192.168.1.20:8443/jira", "https://172.16.4.4/",
        "https://[fd12:3456::1]/", "https://93.184.215.14/"})
    void privateNetworksAndPublicAddressesAreAllowed(String url) {
        URI uri = URI.create(url);
        assertThat(none.check(uri)).isSameAs(uri);
    }

    @Test
    void anAllowedHostIsExemptAsWrittenInTheList() {
        OutboundHosts allowed = OutboundHosts.of(" 127.0.0.1 , LocalHost,::1");
        assertThat(allowed.check(URI.create("http://127.0.0.1:8089/jira"))).isNotNull();
        assertThat(allowed.check(URI.create("http://localhost:8089/"))).isNotNull();
        assertThat(allowed.check(URI.create("http://[::1]:8089/"))).isNotNull();
        assertThatThrownBy(() -> allowed.check(URI.create("http://169.254.169.254/")))
                .isInstanceOf(OutboundHosts.ForbiddenHostException.class);
    }

    @Test
    void anUnresolvableHostIsLeftToTheCallToReport() {
        URI uri = URI.create("https://no-such-host.invalid/");
        assertThat(none.check(uri)).isSameAs(uri);
    }
}
