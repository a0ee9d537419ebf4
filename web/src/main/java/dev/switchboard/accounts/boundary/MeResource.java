package dev.switchboard.accounts.boundary;

import static dev.switchboard.api.boundary.JsonFields.nullable;

import dev.switchboard.accounts.control.AccessTokens;
import dev.switchboard.accounts.control.AccountUnlinking;
import dev.switchboard.accounts.control.LinkedAccounts;
import dev.switchboard.accounts.control.LinkedResources;
import dev.switchboard.accounts.control.OAuthProvider;
import dev.switchboard.accounts.control.OAuthProviderException;
import dev.switchboard.accounts.control.OAuthSettings;
import dev.switchboard.accounts.control.ProviderHttp;
import dev.switchboard.accounts.control.ProviderIdentity;
import dev.switchboard.api.boundary.ErrorBody;
import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.accounts.entity.SwitchboardUser;
import dev.switchboard.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in user and their linked accounts: provider, login, scopes, expiry — never a token. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    LinkedAccounts linkedAccounts;

    @Inject
    AccountUnlinking unlinking;

    @Inject
    AccessTokens accessTokens;

    @Inject
    ProviderHttp http;

    @Inject
    OAuthSettings oauth;

    @GET
    public String me() {
        SwitchboardUser user = currentUser.require();
        JsonArrayBuilder groups = Jsons.createArrayBuilder();
        currentUser.groups().stream().sorted().forEach(groups::add);
        JsonObjectBuilder json = Jsons.createObjectBuilder()
                .add("id", user.getId())
                .add("issuer", user.getIssuer())
                .add("subject", user.getSubject())
                .add("groups", groups);
        nullable(json, "name", user.getDisplayName());
        nullable(json, "email", user.getEmail());
        return json.build().toString();
    }

    @GET
    @Path("accounts")
    public String accounts() {
        SwitchboardUser user = currentUser.require();
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (LinkedAccount account : linkedAccounts.of(user.getId())) {
            items.add(AccountJson.of(account));
        }
        return items.build().toString();
    }

    /**
     * Removes what Switchboard set up with the account at the provider (GitLab hooks), revokes the token where
     * possible, then forgets the link. What the provider did not remove is listed, the link is gone regardless:
     * {@code {"unlinked":"gitlab","revokedAtProvider":true,"webhooks":{"removed":2,"leftAtProvider":[…]}}}.
     */
    @DELETE
    @Path("accounts/{provider}")
    public Response unlink(@PathParam("provider") String providerId) {
        SwitchboardUser user = currentUser.require();
        OAuthProvider provider = OAuthResource.provider(providerId);
        return unlinking.unlink(user.getId(), provider)
                .map(unlinked -> Response.ok(unlinked(provider, unlinked)).build())
                .orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "no linked " + provider.id() + " account"));
    }

    private static String unlinked(OAuthProvider provider, AccountUnlinking.Unlinked unlinked) {
        JsonObjectBuilder json = Jsons.createObjectBuilder().add("unlinked", provider.id())
                .add("revokedAtProvider", unlinked.revoked());
        for (LinkedResources.Released released : unlinked.released()) {
            JsonArrayBuilder left = Jsons.createArrayBuilder();
            released.leftAtProvider().forEach(left::add);
            json.add(released.kind(), Jsons.createObjectBuilder().add("removed", released.removed())
                    .add("leftAtProvider", left));
        }
        return json.build().toString();
    }

    /**
     * Asks the provider who the linked token belongs to: proves the link works, refreshing the token
     * when it is due (or when the provider answers 401).
     */
    @GET
    @Path("accounts/{provider}/identity")
    public Response identity(@PathParam("provider") String providerId) throws OAuthProviderException {
        SwitchboardUser user = currentUser.require();
        OAuthProvider provider = OAuthResource.provider(providerId);
        URI uri = provider.identityUri(oauth.endpoints())
                .orElseThrow(() -> new BadRequestException(provider.id() + " has no identity endpoint to ask"));
        ProviderHttp.Answer answer = accessTokens.call(user.getId(), provider, token -> http.get(uri, token));
        if (answer.status() != 200) {
            return ErrorBody.response(Response.Status.BAD_GATEWAY, provider.id() + " answered HTTP " + answer.status());
        }
        ProviderIdentity identity = ProviderIdentity.parse(provider, answer.body());
        JsonObjectBuilder json = Jsons.createObjectBuilder().add("provider", provider.id())
                .add("providerUserId", identity.userId());
        nullable(json, "login", identity.login());
        nullable(json, "name", identity.displayName());
        return Response.ok(json.build().toString()).build();
    }
}
