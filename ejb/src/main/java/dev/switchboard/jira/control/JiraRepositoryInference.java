package dev.switchboard.jira.control;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which repository a Jira request is about, read from its text: repository URLs of GitHub, GitLab and Bitbucket
 * (also self-hosted ones: every path prefix of an unknown host is tried), {@code owner/repo} written out, and
 * {@code <name> repo} in passing. Nothing is guessed: a name counts only when it equals (ignoring case) one of
 * the repositories the requester can access, so file paths and "and/or" never match. The text that asked is
 * read first; the summary and description only when it names none. Pure, so it is unit tested on
 * realistic texts.
 */
public final class JiraRepositoryInference {

    /** Jira wiki links end at {@code |} or {@code ]}; Markdown and prose at brackets, quotes and spaces. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\\[\\]|\"'(){}]+", Pattern.CASE_INSENSITIVE);
    /** {@code owner/repo} or {@code group/sub/project}, not part of a longer path, URL or e-mail address. */
    private static final Pattern SLUG = Pattern.compile(
            "(?<![\\w.@/:~-])([A-Za-z0-9_][\\w.-]*(?:/[\\w.-]+){1,5})(?![\\w/-])");
    private static final Pattern NAME_REPO = Pattern.compile(
            "(?<![\\w./-])([A-Za-z0-9_][\\w.-]*)\\s+(?:repo|repository)\\b", Pattern.CASE_INSENSITIVE);
    /** A clone address, {@code git@github.com:acme/api.git}: read as the URL it stands for. */
    private static final Pattern SSH = Pattern.compile("\\bgit@([\\w.-]+):(?=[\\w.-]+/)");
    private static final int MAX_SEGMENTS = 6;

    private JiraRepositoryInference() {
    }

    /**
     * What the texts say.
     *
     * @param matches the accessible repositories named, in the order first named; the job runs when there is one
     */
    public record Inference(List<JiraRepository> matches) {

        public Inference {
            matches = List.copyOf(matches);
        }

        public boolean decided() {
            return matches.size() == 1;
        }

        public JiraRepository repository() {
            if (!decided()) {
                throw new IllegalStateException("no single repository: " + matches);
            }
            return matches.get(0);
        }
    }

    /**
     * @param texts      in order of precedence, e.g. the comment that asked, then summary and description; nulls
     *                   are skipped
     * @param accessible the requester's repositories and the workspace's defaults
     * @param defaults   the workspace's default repositories: when no text names any repository and there is
     *                   exactly one default, it is the one
     */
    public static Inference infer(List<String> texts, Collection<JiraRepository> accessible,
                                  Collection<JiraRepository> defaults) {
        for (String text : texts) {
            List<JiraRepository> named = named(text, accessible);
            if (!named.isEmpty()) {
                return new Inference(named);
            }
        }
        return new Inference(defaults.size() == 1 ? List.copyOf(defaults) : List.of());
    }

    /** The accessible repositories one text names: full names first, else names followed by "repo". */
    static List<JiraRepository> named(String text, Collection<JiraRepository> accessible) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<JiraRepository> found = new LinkedHashSet<>();
        for (Candidate candidate : candidates(text)) {
            for (JiraRepository repository : accessible) {
                if (candidate.fits(repository)) {
                    found.add(repository);
                }
            }
        }
        if (found.isEmpty()) {
            Matcher m = NAME_REPO.matcher(URL.matcher(text).replaceAll(" "));
            while (m.find()) {
                String name = m.group(1);
                accessible.stream().filter(r -> r.name().equalsIgnoreCase(name)).forEach(found::add);
            }
        }
        return new ArrayList<>(found);
    }

    /** A repository name the text may mean, with the provider its URL's host tells (null: any). */
    record Candidate(String provider, String fullName) {
        boolean fits(JiraRepository repository) {
            return (provider == null || provider.equals(repository.provider())) && repository.named(fullName);
        }
    }

    /** The candidates in the order the text names them. */
    static List<Candidate> candidates(String text) {
        String normalized = SSH.matcher(text).replaceAll("https://$1/");
        TreeMap<Integer, List<Candidate>> byPosition = new TreeMap<>();
        Matcher urls = URL.matcher(normalized);
        while (urls.find()) {
            byPosition.put(urls.start(), fromUrl(urls.group()));
        }
        // URLs blanked out with as many spaces, so positions stay comparable
        Matcher slugs = SLUG.matcher(URL.matcher(normalized).replaceAll(m -> " ".repeat(m.group().length())));
        while (slugs.find()) {
            String slug = trimEnd(slugs.group(1));
            if (slug.contains("/")) {
                byPosition.put(slugs.start(), List.of(new Candidate(null, stripGit(slug))));
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        byPosition.values().forEach(candidates::addAll);
        return candidates;
    }

    private static List<Candidate> fromUrl(String url) {
        URI uri;
        try {
            uri = URI.create(trimEnd(url));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (uri.getHost() == null || uri.getPath() == null) {
            return List.of();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        List<String> segments = new ArrayList<>();
        for (String segment : uri.getPath().split("/")) {
            if (segment.equals("-")) {
                break; // GitLab: what follows /-/ is a page of the project, not part of its path
            }
            if (!segment.isEmpty()) {
                segments.add(stripGit(segment));
            }
        }
        String provider = host.contains("github") ? "github" : host.contains("gitlab") ? "gitlab"
                : host.contains("bitbucket") ? "bitbucket" : null;
        // GitHub and Bitbucket name repositories with two segments; GitLab's groups nest
        int longest = "gitlab".equals(provider) || provider == null ? Math.min(MAX_SEGMENTS, segments.size()) : 2;
        List<Candidate> candidates = new ArrayList<>();
        for (int n = 2; n <= Math.min(longest, segments.size()); n++) {
            candidates.add(new Candidate(provider, String.join("/", segments.subList(0, n))));
        }
        return candidates;
    }

    private static String stripGit(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".git") ? name.substring(0, name.length() - 4) : name;
    }

    /** Sentence punctuation after a name is not part of it: "see acme/api." */
    private static String trimEnd(String text) {
        int end = text.length();
        while (end > 0 && ".,;:!?/".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }
}
