package dev.switchboard.accounts.boundary;

import static dev.switchboard.api.boundary.JsonFields.nullable;

import dev.switchboard.accounts.control.LinkedAccounts;
import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.accounts.entity.SwitchboardUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
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

    @GET
    public String me() {
        SwitchboardUser user = currentUser.require();
        JsonArrayBuilder groups = Json.createArrayBuilder();
        currentUser.groups().stream().sorted().forEach(groups::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
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
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (LinkedAccount account : linkedAccounts.of(user.getId())) {
            items.add(AccountJson.of(account));
        }
        return items.build().toString();
    }
}
