package dev.switchboard.accounts.boundary;

import dev.switchboard.accounts.control.AccountLinkingException;
import dev.switchboard.accounts.control.OAuthProviderException;
import dev.switchboard.accounts.control.ProviderUnavailableException;
import dev.switchboard.accounts.control.RelinkRequiredException;
import dev.switchboard.api.boundary.ErrorBody;
import dev.switchboard.json.Jsons;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Account errors in the JSON error shape, with the status each one means. */
public final class AccountErrorMappers {

    private AccountErrorMappers() {
    }

    @Provider
    public static class Linking implements ExceptionMapper<AccountLinkingException> {
        @Override
        public Response toResponse(AccountLinkingException e) {
            return ErrorBody.response(e.status(), e.getMessage());
        }
    }

    /** 409 with where to start linking again. */
    @Provider
    public static class Relink implements ExceptionMapper<RelinkRequiredException> {
        @Override
        public Response toResponse(RelinkRequiredException e) {
            String body = Jsons.createObjectBuilder().add("error", e.getMessage())
                    .add("relink", "/api/oauth/" + e.provider() + "/authorize").build().toString();
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
    }

    @Provider
    public static class Unavailable implements ExceptionMapper<ProviderUnavailableException> {
        @Override
        public Response toResponse(ProviderUnavailableException e) {
            return Response.fromResponse(ErrorBody.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()))
                    .header("Retry-After", "30").build();
        }
    }

    /** A provider answered something unusable where the flow expected an answer: 502. */
    @Provider
    public static class ProviderError implements ExceptionMapper<OAuthProviderException> {
        @Override
        public Response toResponse(OAuthProviderException e) {
            return ErrorBody.response(Response.Status.BAD_GATEWAY, e.getMessage());
        }
    }
}
