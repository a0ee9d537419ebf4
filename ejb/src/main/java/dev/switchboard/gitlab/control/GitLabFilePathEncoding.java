package dev.switchboard.gitlab.control;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitLab takes some path values as a single encoded segment: a file path ({@code /repository/files/src%2Fmain%2FApp.java}),
 * a ref with slashes ({@code /repository/commits/feature%2Fx}) and a project addressed by its full path instead of its
 * id ({@code /projects/group%2Fproject}). JAX-RS path templates leave a value's slashes alone and would encode a
 * pre-encoded {@code %2F} a second time. This filter, registered on the GitLab client, encodes those slashes just
 * before the request leaves.
 */
public final class GitLabFilePathEncoding implements ClientRequestFilter {

    private static final String FILES = "/repository/files/";
    private static final String COMMITS = "/repository/commits/";
    /** {@code /projects/} followed by something other than a numeric id: the rest is the project's path. */
    private static final Pattern PROJECT_PATH = Pattern.compile("/projects/(?!\\d+(?:/|$))[^?]+$");

    @Override
    public void filter(ClientRequestContext request) {
        request.setUri(encodeFilePath(request.getUri()));
    }

    static URI encodeFilePath(URI uri) {
        String path = uri.getRawPath();
        if (path == null) {
            return uri;
        }
        int start = startOfSegment(path);
        if (start < 0) {
            return uri;
        }
        // the raw/blame sub-resources are not part of the file path; this client does not call them
        String encoded = path.substring(0, start) + path.substring(start).replace("/", "%2F");
        StringBuilder text = new StringBuilder().append(uri.getScheme()).append("://").append(uri.getRawAuthority())
                .append(encoded);
        if (uri.getRawQuery() != null) {
            text.append('?').append(uri.getRawQuery());
        }
        return URI.create(text.toString());
    }

    /** Where the one segment to encode starts, or -1. */
    private static int startOfSegment(String path) {
        for (String marker : new String[] {FILES, COMMITS}) {
            int at = path.indexOf(marker);
            if (at >= 0) {
                return at + marker.length();
            }
        }
        Matcher project = PROJECT_PATH.matcher(path);
        return project.find() ? project.start() + "/projects/".length() : -1;
    }
}
