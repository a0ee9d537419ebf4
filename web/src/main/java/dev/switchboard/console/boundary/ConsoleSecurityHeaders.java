package dev.switchboard.console.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The console's pages hold an admin bearer token, so the browser is told to run nothing but the console's own
 * files: scripts, styles and API calls from this origin only (plus the OIDC provider's origin, where the page
 * exchanges its sign-in code), no plugins, no framing by other sites, no MIME sniffing, no referrer.
 */
@WebFilter("/console/*")
public class ConsoleSecurityHeaders extends HttpFilter {

    static final String BASE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none';"
            + " object-src 'none'";

    @Inject
    Config config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy(config.getOptionalValue("keycloak.server.url", String.class)));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }

    /** {@code connect-src} names the OIDC provider's origin when one is configured, and nothing else foreign. */
    static String policy(Optional<String> oidcServer) {
        String connect = "connect-src 'self'" + oidcServer.flatMap(ConsoleSecurityHeaders::origin).map(o -> " " + o).orElse("");
        return BASE_POLICY + "; " + connect;
    }

    static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a malformed setting adds no origin: the console then cannot reach it, visibly
        }
    }
}
