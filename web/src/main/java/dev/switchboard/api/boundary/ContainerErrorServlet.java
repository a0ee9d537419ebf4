package dev.switchboard.api.boundary;

import jakarta.json.Json;
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
 * The error page of the errors the container answers itself, outside JAX-RS (an unknown path, a PUT or DELETE on a
 * console file, a request the container refuses): the status it chose, in {@link ErrorBody}'s JSON shape, for every
 * method. A servlet and not a static file, because the container would answer a PUT to a static error page with its
 * own 405 again. Only the status's reason is said: the container's message may echo the request.
 */
@WebServlet(urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/errors/container";
    private static final long serialVersionUID = 1L;
    private static final Map<Integer, String> REASONS = Map.of(400, "bad request", 404, "not found", 405,
            "method not allowed", 413, "request too large", 414, "uri too long", 415, "unsupported media type", 500,
            "internal server error", 501, "not implemented", 503, "service unavailable");

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
        response.getWriter().write(Json.createObjectBuilder().add("error", reason).build().toString());
    }
}
