package dev.switchboard.jira.boundary;

import dev.switchboard.api.boundary.SwitchboardApi;
import dev.switchboard.jira.control.JiraWorkspaces;
import dev.switchboard.json.Jsons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Operators register Jira sites (Cloud or Data Center), give each a service account and check that Jira
 * accepts it. The service account's token goes in and is never shown again: answers say whether one is set.
 */
@Path("admin/jira/workspaces")
@RolesAllowed(SwitchboardApi.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class JiraWorkspacesResource {

    @Inject
    JiraWorkspaces workspaces;

    @Context
    UriInfo uriInfo;

    @GET
    public String list() {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        workspaces.list().forEach(w -> items.add(JiraWorkspaceJson.workspace(w)));
        return Jsons.createObjectBuilder().add("items", items).build().toString();
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
        return JiraWorkspaceJson.workspace(workspaces.get(id)).build().toString();
    }

    /** {@code {siteUrl, cloudId?, serviceAccountEmail?, serviceAccountToken?}}: 201 with the new workspace. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonObject json = JiraWorkspaceJson.object(body);
        JiraWorkspaces.Workspace created = workspaces.create(JiraWorkspaceJson.string(json, "siteUrl"),
                JiraWorkspaceJson.string(json, "cloudId"), JiraWorkspaceJson.string(json, "serviceAccountEmail"),
                JiraWorkspaceJson.string(json, "serviceAccountToken"));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id()).build())
                .entity(JiraWorkspaceJson.workspace(created).build().toString()).build();
    }

    /** {@code {serviceAccountEmail?, serviceAccountToken}}: sets or replaces the service account. */
    @PUT
    @Path("{id}/service-account")
    @Consumes(MediaType.APPLICATION_JSON)
    public String serviceAccount(@PathParam("id") String id, String body) {
        JsonObject json = JiraWorkspaceJson.object(body);
        return JiraWorkspaceJson.workspace(workspaces.serviceAccount(id,
                JiraWorkspaceJson.string(json, "serviceAccountEmail"),
                JiraWorkspaceJson.string(json, "serviceAccountToken"))).build().toString();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        workspaces.delete(id);
        return Response.noContent().build();
    }

    /** Jira's {@code myself} with the service account: who it is, or why Jira refused it. */
    @POST
    @Path("{id}/verify")
    @Bulkhead(SwitchboardApi.OUTBOUND_BULKHEAD)
    public String verify(@PathParam("id") String id) {
        return JiraWorkspaceJson.verification(workspaces.verify(id)).build().toString();
    }
}
