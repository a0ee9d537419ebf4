package dev.switchboard.api.boundary;

import dev.switchboard.json.Jsons;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The error page of the errors the container answers itself, outside JAX-RS (a bearer token its MicroProfile JWT
 * mechanism rejects, an unknown path, a PUT or DELETE on a console file, a request the container refuses): the status it chose, in {@link ErrorBody}'s JSON shape, for every
 * method. A servlet and not a static file, because the container would answer a PUT to a static error page with its
 * own 403 again (a PUT with a bad token got an empty 403 instead of its 401). Only the status's reason is said: the container's message may echo the request.
 */
@WebServlet(urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/errors/container";
    private static final long serialVersionUID = 1L;
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(400, "bad request"),
            Map.entry(401, "a valid bearer token is required"), Map.entry(403, "the token does not grant this"),
            Map.entry(404, "not found"), Map.entry(405, "method not allowed"), Map.entry(413, "request too large"),
            Map.entry(414, "uri too long"), Map.entry(415, "unsupported media type"),
            Map.entry(500, "internal server error"), Map.entry(501, "not implemented"),
            Map.entry(503, "service unavailable"));

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        String reason = REASONS.getOrDefault(status, "error " + status);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
            reason = reason + ": " + request.getMethod().toUpperCase(Locale.ROOT);
        }
        response.getWriter().write(Jsons.createObjectBuilder().add("error", reason).build().toString());
    }
}
