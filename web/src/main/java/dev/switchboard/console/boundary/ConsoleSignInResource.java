package dev.switchboard.console.boundary;

import dev.switchboard.api.boundary.ErrorBody;
import dev.switchboard.api.boundary.JsonBody;
import dev.switchboard.config.KeycloakConfigSource;
import dev.switchboard.console.control.DevSignIn;
import dev.switchboard.json.Jsons;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How the console signs a browser in. Public on purpose: it runs before anybody has a token.
 * <ul>
 * <li>{@code GET /api/console/sign-in} → {@code {"dev": true|false, "oidc": {"issuer", "authorizationEndpoint",
 * "tokenEndpoint", "endSessionEndpoint", "clientId"} | null}}: which ways are open (the end-session endpoint is
 * where <i>Sign out</i> ends the provider's session too).</li>
 * <li>{@code POST /api/console/dev-token} {@code {"user": "alice", "admin": true}} → {@code {"token", "expiresAt"}}
 * on the embedded default only (see {@link DevSignIn}); 404 everywhere else, as if it did not exist.</li>
 * </ul>
 */
@Path("console")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleSignInResource {

    static final String CLIENT_ID_PROPERTY = "console.oidc.client.id";
    static final String DEFAULT_CLIENT_ID = "switchboard-console";

    @Inject
    DevSignIn devSignIn;

    @GET
    @Path("sign-in")
    public String signIn() {
        Config config = ConfigProvider.getConfig();
        String realm = KeycloakConfigSource.realmUrl(
                config.getOptionalValue("keycloak.server.url", String.class).orElse(null),
                config.getOptionalValue("keycloak.realm.name", String.class).orElse(null));
        JsonObjectBuilder json = Jsons.createObjectBuilder().add("dev", devSignIn.enabled());
        if (realm == null) {
            json.addNull("oidc");
        } else {
            json.add("oidc", Jsons.createObjectBuilder()
                    .add("issuer", realm)
                    .add("authorizationEndpoint", realm + "/protocol/openid-connect/auth")
                    .add("tokenEndpoint", realm + "/protocol/openid-connect/token")
                    .add("endSessionEndpoint", realm + "/protocol/openid-connect/logout")
                    .add("clientId", config.getOptionalValue(CLIENT_ID_PROPERTY, String.class).orElse(DEFAULT_CLIENT_ID)));
        }
        return json.build().toString();
    }

    @POST
    @Path("dev-token")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response devToken(String body) {
        if (!devSignIn.enabled()) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not found");
        }
        JsonObject request = JsonBody.object(body);
        String user = JsonBody.string(request, "user");
        boolean admin = JsonBody.bool(request, "admin");
        try {
            return devSignIn.mint(user, admin)
                    .map(minted -> Response.ok(Jsons.createObjectBuilder().add("token", minted.token())
                                    .add("expiresAt", minted.expiresAt().toString()).build().toString())
                            .cacheControl(noStore()).build())
                    .orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "not found"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        return cache;
    }
}
