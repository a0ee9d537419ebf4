package dev.switchboard.gitlab.control;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;

/**
 * GitLab's repository files API takes the file path as a single encoded segment
 * ({@code /repository/files/src%2Fmain%2FApp.java}), while JAX-RS path templates leave a value's slashes
 * alone and would encode a pre-encoded {@code %2F} a second time. This filter, registered on the GitLab
 * client, encodes the slashes after {@code /repository/files/} just before the request leaves.
 */
public final class GitLabFilePathEncoding implements ClientRequestFilter {

    private static final String FILES = "/repository/files/";

    @Override
    public void filter(ClientRequestContext request) {
        request.setUri(encodeFilePath(request.getUri()));
    }

    static URI encodeFilePath(URI uri) {
        String path = uri.getRawPath();
        int at = path == null ? -1 : path.indexOf(FILES);
        if (at < 0) {
            return uri;
        }
        int start = at + FILES.length();
        String filePath = path.substring(start);
        // the raw/blame sub-resources are not part of the file path; this client does not call them
        String encoded = path.substring(0, start) + filePath.replace("/", "%2F");
        StringBuilder text = new StringBuilder().append(uri.getScheme()).append("://").append(uri.getRawAuthority())
                .append(encoded);
        if (uri.getRawQuery() != null) {
            text.append('?').append(uri.getRawQuery());
        }
        return URI.create(text.toString());
    }
}
