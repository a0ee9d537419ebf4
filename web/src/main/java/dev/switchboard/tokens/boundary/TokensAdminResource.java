package dev.switchboard.tokens.boundary;

import dev.switchboard.api.boundary.SwitchboardApi;
import dev.switchboard.json.Jsons;
import dev.switchboard.tokens.control.TokenReencryption;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Key rotation for operators: after putting a new key first in TOKEN_ENCRYPTION_KEYS, this re-encrypts
 * every stored secret under it. Safe to run while serving and to run again after an interruption.
 */
@Path("admin/tokens")
@RolesAllowed(SwitchboardApi.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class TokensAdminResource {

    @Inject
    TokenReencryption reencryption;

    @POST
    @Path("reencrypt")
    public String reencrypt() {
        TokenReencryption.Result result = reencryption.reencryptAll();
        return Jsons.createObjectBuilder()
                .add("keyId", result.keyId())
                .add("rowsChecked", result.rowsChecked())
                .add("rowsReencrypted", result.rowsReencrypted())
                .build().toString();
    }
}
