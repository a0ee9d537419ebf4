package dev.switchboard.slack.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which repository a Slack message names, among those the requester can access. Three ways of naming one are
 * read: a GitHub/GitLab/Bitbucket URL (Slack wraps links as {@code <url|label>}), {@code owner/repo}, and a
 * bare name followed by the word "repo" ("the api repo"). Every candidate is matched exactly (ignoring case,
 * as the hosts do) against the accessible list, so a word that merely looks like a path ("and/or") names
 * nothing; the caller decides what one, none or several matches mean.
 */
public final class SlackRepositoryInference {

    // A repository URL; GitLab paths may have subgroups (group/sub/project).
    private static final Pattern URL = Pattern.compile(
            "https?://(?:www\\.)?(?:github\\.com|gitlab\\.com|bitbucket\\.org)/([\\w.-]+(?:/[\\w.-]+)+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SLASHED = Pattern.compile(
            "(?<![\\w.:/@-])([\\w][\\w.-]*(?:/[\\w][\\w.-]*)+)(?![\\w/-])");
    private static final Pattern NAMED = Pattern.compile(
            "(?<![\\w./@-])([\\w][\\w.-]*)\\s+(?:repo|repository)\\b", Pattern.CASE_INSENSITIVE);
    // Slack markup that carries no repository: mentions, channels, user groups, and links already read as URLs.
    private static final Pattern MARKUP = Pattern.compile("<[@#!][^>]*>|<https?://[^>]*>");

    private SlackRepositoryInference() {
    }

    /**
     * @param text       the message as Slack sends it (mrkdwn, links in angle brackets)
     * @param accessible full names ({@code owner/repo}) the requester may work on
     * @return the accessible repositories the text names, each once, in the order of the accessible list
     */
    public static List<String> infer(String text, List<String> accessible) {
        if (text == null || text.isBlank() || accessible.isEmpty()) {
            return List.of();
        }
        Set<String> named = new LinkedHashSet<>();
        Matcher url = URL.matcher(text);
        while (url.find()) {
            named.addAll(prefixes(lower(url.group(1))));
        }
        String plain = MARKUP.matcher(text).replaceAll(" ");
        Matcher slashed = SLASHED.matcher(plain);
        while (slashed.find()) {
            named.add(lower(trimDots(slashed.group(1))));
        }
        Set<String> bareNames = new LinkedHashSet<>();
        Matcher bare = NAMED.matcher(plain);
        while (bare.find()) {
            bareNames.add(lower(trimDots(bare.group(1))));
        }
        List<String> matches = new ArrayList<>();
        for (String repository : accessible) {
            String full = lower(repository);
            if (named.contains(full) || bareNames.contains(full.substring(full.lastIndexOf('/') + 1))) {
                matches.add(repository);
            }
        }
        return List.copyOf(matches);
    }

    /**
     * A URL's path goes on past the repository (/pull/3, /-/issues/3, /tree/main) and GitLab nests groups, so
     * every prefix of two or more segments is a candidate; only an accessible one will match.
     */
    static List<String> prefixes(String path) {
        String[] segments = path.split("/");
        List<String> prefixes = new ArrayList<>();
        StringBuilder prefix = new StringBuilder(segments[0]);
        for (int i = 1; i < segments.length; i++) {
            prefix.append('/').append(segments[i]);
            prefixes.add(prefix.toString().replaceAll("\\.git$", ""));
        }
        return prefixes;
    }

    private static String trimDots(String name) {
        return name.replaceAll("\\.+$", "");
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
