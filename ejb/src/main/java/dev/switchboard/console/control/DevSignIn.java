package dev.switchboard.console.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console's sign-in on the embedded default: mints a dev-issuer token for a user name the operator
 * types. Off (empty) unless {@code console.dev.signin.key} names the dev private key and the server
 * verifies dev-issuer tokens. Read on every call, so switching it off with {@code asadmin} takes effect
 * without a redeploy.
 */
@ApplicationScoped
public class DevSignIn {

    public static final String KEY_PROPERTY = "console.dev.signin.key";
    private static final Logger LOG = Logger.getLogger(DevSignIn.class.getName());

    public boolean enabled() {
        return keyFile().isPresent();
    }

    /** A fresh token, or empty when dev sign-in is off; IllegalArgumentException for a bad user name. */
    public Optional<DevTokens.Minted> mint(String user, boolean admin) {
        Optional<Path> keyFile = keyFile();
        if (keyFile.isEmpty()) {
            return Optional.empty();
        }
        String pem;
        try {
            pem = Files.readString(keyFile.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dev sign-in key named by " + KEY_PROPERTY, e);
        }
        DevTokens.Minted minted = new DevTokens(DevTokens.privateKey(pem), Clock.systemUTC()).mint(user, admin);
        LOG.info(() -> "console dev sign-in: " + user + (admin ? " (admin)" : "") + " until " + minted.expiresAt());
        return Optional.of(minted);
    }

    private static Optional<Path> keyFile() {
        Config config = ConfigProvider.getConfig();
        boolean devIssuer = config.getOptionalValue("mp.jwt.verify.issuer", String.class)
                .filter(DevTokens.ISSUER::equals).isPresent();
        return config.getOptionalValue(KEY_PROPERTY, String.class)
                .filter(file -> devIssuer && !file.isBlank())
                .map(file -> Path.of(file.startsWith("file:") ? file.substring("file:".length()) : file));
    }
}
