package dev.switchboard.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the providers send users back to ({@code SWITCHBOARD_PUBLIC_URL}) and where Switchboard may send
 * them on afterwards: relative paths on Switchboard itself, plus the prefixes in
 * {@code OAUTH_REDIRECT_ALLOWLIST}. An open redirect after login is a phishing tool, hence the list.
 */
@ApplicationScoped
public class LinkingSettings {

    public String publicUrl() {
        return ConfigProvider.getConfig().getOptionalValue("switchboard.public.url", String.class)
                .filter(url -> !url.isBlank()).orElse("http://localhost:8080");
    }

    public boolean redirectAllowed(String target) {
        if (target == null || target.isEmpty()) {
            return true;
        }
        if (isLocalPath(target)) {
            return true;
        }
        return allowlist().stream().anyMatch(prefix -> target.startsWith(prefix));
    }

    /** "/console/accounts" yes; "//evil.example" (scheme-relative) and "/\evil" no. */
    static boolean isLocalPath(String target) {
        if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
            return false;
        }
        try {
            URI uri = URI.create(target);
            return uri.getScheme() == null && uri.getHost() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> allowlist() {
        return ConfigProvider.getConfig().getOptionalValue("oauth.redirect.allowlist", String.class)
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        // a bare origin would allow https://switchboard.example.com.evil.example
                        .map(s -> s.endsWith("/") ? s : s + "/").toList())
                .orElse(List.of());
    }
}
