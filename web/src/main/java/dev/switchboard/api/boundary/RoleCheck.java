package dev.switchboard.api.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Enforces {@code @RolesAllowed} on resources with the contract's answers: 401 without a valid token,
 * 403 with a token that lacks the role. Portable JAX-RS, instead of a vendor feature whose errors are
 * empty HTML pages.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RoleCheck implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        RolesAllowed allowed = rolesAllowed(resource.getResourceMethod(), resource.getResourceClass());
        if (allowed == null) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        if (security == null || security.getUserPrincipal() == null) {
            request.abortWith(ErrorBody.response(Response.Status.UNAUTHORIZED, "a valid bearer token is required"));
            return;
        }
        for (String role : allowed.value()) {
            if (security.isUserInRole(role)) {
                return;
            }
        }
        request.abortWith(ErrorBody.response(Response.Status.FORBIDDEN, "the token does not grant this"));
    }

    private static RolesAllowed rolesAllowed(Method method, Class<?> type) {
        if (method != null && method.isAnnotationPresent(RolesAllowed.class)) {
            return method.getAnnotation(RolesAllowed.class);
        }
        return type == null ? null : type.getAnnotation(RolesAllowed.class);
    }
}
