package dev.switchboard.api.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The JAX-RS application under /api. Bearer tokens are MicroProfile JWTs; resources that need a role
 * say so with {@code @RolesAllowed}, enforced by {@link RoleCheck}. A CDI bean on purpose: Payara's
 * MP-JWT extension only sees {@code @LoginConfig} on classes CDI discovers (annotated discovery).
 */
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({SwitchboardApi.ADMIN})
public class SwitchboardApi extends Application {
    public static final String ADMIN = "admin";

    /**
     * At most this many operator checks call a platform at once ({@code @Bulkhead} on them). The
     * annotation does more than that on Payara: Payara enables MicroProfile Fault Tolerance for an
     * application only when a WAR in it carries a Fault Tolerance annotation, and then for every module,
     * which is what makes the platforms' circuit breakers in the EJB module work (PlatformCircuitIT fails
     * without it).
     */
    public static final int OUTBOUND_BULKHEAD = 8;

    /** Operator lists of installations answer at most this many rows, newest first. */
    public static final int MAX_LISTED = 200;
}
