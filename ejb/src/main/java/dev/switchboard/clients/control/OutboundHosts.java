package dev.switchboard.clients.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Where a configurable platform URL (GITLAB_URL of a self-managed GitLab, a Jira Data Center site an operator
 * registers, GITHUB_API_URL of an Enterprise Server, ...) may not point: at this machine (the server's own admin
 * port), at link-local addresses (the cloud metadata service at 169.254.169.254, which hands out credentials), the
 * IPv6 metadata address {@code fd00:ec2::254}, the unspecified or a multicast address. Private networks stay
 * allowed: a self-managed GitLab usually lives in one. A host listed in OUTBOUND_ALLOWED_HOSTS
 * ({@code outbound.allowed.hosts}, comma-separated) is exempt, e.g. {@code 127.0.0.1} for a stub in tests.
 * Checked with the addresses the name resolves to now, on every client use, so a name later re-pointed at a
 * forbidden address is refused too.
 */
public final class OutboundHosts {

    private static final InetAddress AWS_IPV6_METADATA = literal("fd00:ec2:0:0:0:0:0:254");

    private final Set<String> allowed;

    private OutboundHosts(Set<String> allowed) {
        this.allowed = allowed;
    }

    public static OutboundHosts from(Config config) {
        return of(config.getOptionalValue("outbound.allowed.hosts", String.class).orElse(""));
    }

    /** @param allowedHosts comma-separated host names or literal addresses exempt from the check */
    public static OutboundHosts of(String allowedHosts) {
        return new OutboundHosts(Arrays.stream(allowedHosts.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
    }

    /** The URI unchanged, or {@link ForbiddenHostException} saying why its host may not be called. */
    public URI check(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            throw new ForbiddenHostException(uri + " has no host");
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (allowed.contains(name) || allowed.contains(name.replaceAll("^\\[|]$", ""))) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return uri; // nothing to reach; the call itself will say the host is unknown
        }
        for (InetAddress address : addresses) {
            String why = forbidden(address);
            if (why != null) {
                throw new ForbiddenHostException(uri.getScheme() + "://" + host + " resolves to " + why
                        + " address " + address.getHostAddress() + ", which platform URLs may not reach"
                        + " (OUTBOUND_ALLOWED_HOSTS exempts a host)");
            }
        }
        return uri;
    }

    /** Why the address is forbidden (its kind), or null when it is not. */
    static String forbidden(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local (cloud metadata)";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified";
        }
        if (address.isMulticastAddress()) {
            return "a multicast";
        }
        if (address instanceof Inet6Address && address.equals(AWS_IPV6_METADATA)) {
            return "the cloud metadata";
        }
        return null;
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A configured or registered URL points where Switchboard must not call. */
    public static class ForbiddenHostException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public ForbiddenHostException(String message) {
            super(message);
        }
    }
}
