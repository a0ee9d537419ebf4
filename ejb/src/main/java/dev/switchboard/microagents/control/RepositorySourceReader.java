package dev.switchboard.microagents.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one source's agents from a repository at a commit: the job's repository ({@code .openhands/microagents/}
 * plus its third-party files at the root) or the organization's config repository ({@code microagents/}).
 */
final class RepositorySourceReader {

    static final String REPOSITORY_FOLDER = ".openhands/microagents";
    static final String ORGANIZATION_FOLDER = "microagents";
    /** A folder with more agent files is read up to this many: every included byte goes into a job's prompt. */
    static final int MAX_FILES = 200;

    private RepositorySourceReader() {
    }

    static LoadedSource repository(RepositoryFiles files, String commit) {
        List<Microagent> thirdParty = new ArrayList<>();
        for (ThirdPartyFiles.Candidate candidate : ThirdPartyFiles.among(new HashSet<>(files.rootFiles(commit)))) {
            files.read(commit, candidate.path()).ifPresent(text -> thirdParty.add(MicroagentParser.thirdParty(
                    MicroagentSource.REPOSITORY, candidate.path(), candidate.name(), text)));
        }
        return folder(files, commit, MicroagentSource.REPOSITORY, REPOSITORY_FOLDER, thirdParty);
    }

    static LoadedSource organization(RepositoryFiles files, String commit) {
        return folder(files, commit, MicroagentSource.ORGANIZATION, ORGANIZATION_FOLDER, List.of());
    }

    private static LoadedSource folder(RepositoryFiles files, String commit, MicroagentSource source, String folder,
            List<Microagent> thirdParty) {
        List<String> agentFiles = files.filesUnder(commit, folder).stream().filter(MicroagentFolder::isAgentFile)
                .sorted().toList();
        List<MicroagentLoadError> skipped = new ArrayList<>();
        if (agentFiles.size() > MAX_FILES) {
            skipped.add(new MicroagentLoadError(source, folder + "/", 0, "more than " + MAX_FILES
                    + " microagent files: only the first " + MAX_FILES + " (by path) were read"));
            agentFiles = agentFiles.subList(0, MAX_FILES);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String relative : agentFiles) {
            Optional<String> text = files.read(commit, folder + "/" + relative);
            text.ifPresent(t -> texts.put(relative, t));
        }
        LoadedSource loaded = MicroagentFolder.load(source, folder + "/", texts, thirdParty);
        if (skipped.isEmpty()) {
            return loaded;
        }
        skipped.addAll(loaded.errors());
        return new LoadedSource(source, loaded.agents(), skipped);
    }
}
