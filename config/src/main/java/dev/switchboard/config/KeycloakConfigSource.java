package dev.switchboard.config;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Lets an operator name the identity provider the way the seed does — {@code KEYCLOAK_SERVER_URL} and
 * {@code KEYCLOAK_REALM_NAME} — and derives what MicroProfile JWT needs from them: the realm's issuer
 * and its JWKS endpoint. Its ordinal sits above the defaults (and the embedded default's domain-level
 * dev issuer) and below environment variables and system properties, so an explicit
 * {@code MP_JWT_VERIFY_ISSUER} / {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} still wins.
 */
public class KeycloakConfigSource implements ConfigSource {

    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String KEYS = "mp.jwt.verify.publickey.location";
    static final int ORDINAL = 250;

    private final UnaryOperator<String> lookup;

    public KeycloakConfigSource() {
        this(KeycloakConfigSource::environmentOrSystem);
    }

    KeycloakConfigSource(UnaryOperator<String> lookup) {
        this.lookup = lookup;
    }

    @Override
    public Map<String, String> getProperties() {
        String realm = realmUrl();
        return realm == null ? Map.of() : Map.of(ISSUER, realm, KEYS, realm + "/protocol/openid-connect/certs");
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return getProperties().get(propertyName);
    }

    @Override
    public String getName() {
        return "switchboard-keycloak";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    /** {@code <server>/realms/<realm>}, or null unless both are set. */
    String realmUrl() {
        return realmUrl(lookup.apply("KEYCLOAK_SERVER_URL"), lookup.apply("KEYCLOAK_REALM_NAME"));
    }

    /** The realm's issuer URL, {@code <server>/realms/<realm>}, or null unless both are given. */
    public static String realmUrl(String server, String realm) {
        if (server == null || server.isBlank() || realm == null || realm.isBlank()) {
            return null;
        }
        String base = server.strip().replaceAll("/+$", "");
        return base + "/realms/" + realm.strip();
    }

    private static String environmentOrSystem(String name) {
        String value = System.getenv(name);
        return value != null ? value : System.getProperty(name.toLowerCase().replace('_', '.'));
    }
}
