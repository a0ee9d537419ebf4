package dev.switchboard.accounts.boundary;

import dev.switchboard.accounts.control.Users;
import dev.switchboard.accounts.entity.SwitchboardUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in user of this request: the bearer token's issuer and subject, as a Switchboard user. */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken token;

    @Inject
    Users users;

    private SwitchboardUser user;

    /** The user, created on first sight; 401 when the request carries no valid token. */
    public SwitchboardUser require() {
        if (user == null) {
            if (token == null || token.getSubject() == null || token.getIssuer() == null) {
                throw new NotAuthorizedException("a valid bearer token is required", "Bearer");
            }
            String name = firstNonNull(token.getClaim("name"), token.getClaim("preferred_username"), token.getName());
            String email = token.getClaim("email");
            user = users.signedIn(token.getIssuer(), token.getSubject(), name, email)
                    .or(() -> users.find(token.getIssuer(), token.getSubject()))
                    .orElseThrow();
        }
        return user;
    }

    public Set<String> groups() {
        return token == null || token.getGroups() == null ? Set.of() : token.getGroups();
    }

    private static String firstNonNull(Object... values) {
        for (Object v : values) {
            if (v != null) {
                return v.toString();
            }
        }
        return null;
    }
}
