package dev.switchboard.tokens.boundary;

import dev.switchboard.api.boundary.ErrorBody;
import dev.switchboard.tokens.control.KeyRingConfigurationException;
import dev.switchboard.tokens.control.TokenDecryptionException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * The vault cannot work: keys missing or malformed, or a stored value it cannot decrypt (a key removed
 * too early). Its messages name key ids and positions only, never key material, so they are shown.
 */
public final class VaultErrorMapper {

    private static final Logger LOG = Logger.getLogger(VaultErrorMapper.class.getName());

    private VaultErrorMapper() {
    }

    @Provider
    public static class Keys implements ExceptionMapper<KeyRingConfigurationException> {
        @Override
        public Response toResponse(KeyRingConfigurationException e) {
            LOG.severe(e.getMessage());
            return ErrorBody.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    @Provider
    public static class Decryption implements ExceptionMapper<TokenDecryptionException> {
        @Override
        public Response toResponse(TokenDecryptionException e) {
            LOG.severe(e.getMessage());
            return ErrorBody.response(Response.Status.INTERNAL_SERVER_ERROR, e.getMessage());
        }
    }
}
