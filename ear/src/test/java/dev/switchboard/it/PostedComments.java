package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.function.Supplier;

/**
 * The stub GitHub's comment listing as GitHub answers it: the comments that were posted to the same path (read from
 * the stub's request journal), so that a "was it posted?" look after a crash sees what really arrived.
 */
final class PostedComments implements ResponseDefinitionTransformerV2 {

    static final String NAME = "posted-comments";

    private final Supplier<WireMockServer> server;

    PostedComments(Supplier<WireMockServer> server) {
        this.server = server;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        String path = serveEvent.getRequest().getUrl().replaceAll("\\?.*", "");
        List<LoggedRequest> posted = server.get().findAll(postRequestedFor(urlPathEqualTo(path)));
        JsonArrayBuilder comments = Json.createArrayBuilder();
        long id = 1;
        for (LoggedRequest post : posted) {
            JsonObject body = Json.createReader(new StringReader(post.getBodyAsString())).readObject();
            comments.add(Json.createObjectBuilder().add("id", id++).add("body", body.getString("body", ""))
                    .add("user", Json.createObjectBuilder().add("login", "switchboard[bot]").add("type", "Bot")));
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(comments.build().toString()).build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
