package dev.switchboard.accounts.boundary;

import dev.switchboard.accounts.control.AccountLinking;
import dev.switchboard.accounts.control.LinkingSettings;
import dev.switchboard.accounts.control.OAuthProvider;
import dev.switchboard.accounts.entity.SwitchboardUser;
import dev.switchboard.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Account linking (contract, "OAuth account linking"). {@code authorize} needs the signed-in user and
 * answers 302 to the provider — or, asked for JSON (a browser console that cannot read a redirect), the
 * URL — and sets a short-lived HttpOnly cookie that binds the flow to this browser; the provider's
 * {@code callback} comes back through the same browser, with that cookie and the single-use state.
 */
@Path("oauth/{provider}")
@RequestScoped
public class OAuthResource {

    static final String BROWSER_COOKIE = "sb_oauth";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountLinking linking;

    @Inject
    LinkingSettings settings;

    @GET
    @Path("authorize")
    public Response authorize(@PathParam("provider") String providerId, @QueryParam("redirect") String redirect,
                              @Context HttpHeaders headers) {
        SwitchboardUser user = currentUser.require();
        OAuthProvider provider = provider(providerId);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String browser = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        URI target = linking.authorize(user.getId(), provider, browser, redirect);
        NewCookie cookie = browserCookie(browser, 600);
        if (headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                && !t.isWildcardType())) {
            return Response.ok(Jsons.createObjectBuilder().add("authorizeUrl", target.toString()).build().toString(),
                    MediaType.APPLICATION_JSON_TYPE).cookie(cookie).build();
        }
        return Response.status(Response.Status.FOUND).location(target).cookie(cookie).build();
    }

    @GET
    @Path("callback")
    public Response callback(@PathParam("provider") String providerId, @QueryParam("code") String code,
                             @QueryParam("state") String state, @QueryParam("error") String error,
                             @QueryParam("error_description") String errorDescription,
                             @CookieParam(BROWSER_COOKIE) String browser) {
        OAuthProvider provider = provider(providerId);
        AccountLinking.Linked linked = linking.complete(provider, code, state, error, errorDescription, browser);
        NewCookie expired = browserCookie("", 0);
        if (linked.redirectTo() != null) {
            URI next = UriBuilder.fromUri(linked.redirectTo()).queryParam("linked", linked.provider()).build();
            return Response.seeOther(next).cookie(expired).build();
        }
        JsonObjectBuilder json = Jsons.createObjectBuilder().add("linked", linked.provider());
        dev.switchboard.api.boundary.JsonFields.nullable(json, "login", linked.login());
        return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON_TYPE).cookie(expired).build();
    }

    private NewCookie browserCookie(String value, int maxAge) {
        return new NewCookie.Builder(BROWSER_COOKIE).value(value).path("/api/oauth").maxAge(maxAge).httpOnly(true)
                .secure(settings.publicUrl().startsWith("https:")).sameSite(NewCookie.SameSite.LAX).build();
    }

    static OAuthProvider provider(String id) {
        return OAuthProvider.byId(id).orElseThrow(() -> new NotFoundException("no provider '" + id + "'"));
    }
}
