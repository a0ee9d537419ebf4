package dev.switchboard.ratelimits.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.deliveries.entity.Platform;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every operation of a wrapped client goes through PlatformCalls, named and keyed by its credential. */
class GovernedClientsTest {

    interface ExampleApi {
        @GET
        @Path("/repos/{name}")
        Response repository(@HeaderParam("Authorization") String authorization, @PathParam("name") String name);

        @GET
        @Path("/projects")
        Response projects(@HeaderParam("PRIVATE-TOKEN") String token);

        @GET
        @Path("/meta")
        Response meta();

        @NonIdempotent
        @POST
        @Path("/comments")
        Response comment(@HeaderParam("Authorization") String authorization);

        String notAnOperation();
    }

    /** Records what it is asked to run, and runs it once. */
    static final class RecordingCalls extends PlatformCalls {
        final List<String> seen = new ArrayList<>();

        @Override
        public Response call(Platform platform, String operation, String tokenKey, boolean nonIdempotent,
                Supplier<Response> call) {
            seen.add(platform.id() + " " + operation + " " + tokenKey + (nonIdempotent ? " once" : ""));
            return call.get();
        }
    }

    static final class ExampleClient implements ExampleApi {
        final List<String> invoked = new ArrayList<>();

        @Override
        public Response repository(String authorization, String name) {
            invoked.add("repository " + name);
            if (name.equals("down")) {
                throw new ProcessingException("connection refused");
            }
            return null; // no JAX-RS runtime in unit tests: what reaches the caller is checked by the ITs
        }

        @Override
        public Response projects(String token) {
            invoked.add("projects");
            return null;
        }

        @Override
        public Response meta() {
            invoked.add("meta");
            return null;
        }

        @Override
        public Response comment(String authorization) {
            invoked.add("comment");
            return null;
        }

        @Override
        public String notAnOperation() {
            return "plain";
        }
    }

    @Test
    void operationsRunThroughPlatformCallsWithTheirNameAndTokenKey() {
        RecordingCalls calls = new RecordingCalls();
        ExampleClient client = new ExampleClient();
        ExampleApi api = GovernedClients.wrap(ExampleApi.class, client, Platform.GITHUB, calls);

        api.repository("Bearer ghs_1", "api");
        api.projects("glpat-2");
        api.meta();
        api.comment("Bearer ghs_1");

        assertThat(calls.seen).containsExactly("github repository " + TokenKeys.of("Bearer ghs_1"),
                "github projects " + TokenKeys.of("glpat-2"), "github meta " + TokenKeys.ANONYMOUS,
                "github comment " + TokenKeys.of("Bearer ghs_1") + " once");
        assertThat(client.invoked).containsExactly("repository api", "projects", "meta", "comment");
    }

    @Test
    void theClientsOwnExceptionsComeThroughUnwrapped() {
        ExampleApi api = GovernedClients.wrap(ExampleApi.class, new ExampleClient(), Platform.GITLAB, new RecordingCalls());
        assertThatThrownBy(() -> api.repository("Bearer x", "down")).isInstanceOf(ProcessingException.class)
                .hasMessage("connection refused");
    }

    @Test
    void methodsThatAreNotOperationsAreNotGoverned() {
        RecordingCalls calls = new RecordingCalls();
        ExampleApi api = GovernedClients.wrap(ExampleApi.class, new ExampleClient(), Platform.SLACK, calls);
        assertThat(api.notAnOperation()).isEqualTo("plain");
        assertThat(api.toString()).isNotBlank();
        assertThat(calls.seen).isEmpty();
    }
}
