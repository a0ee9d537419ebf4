package dev.switchboard.microagents.control;

import dev.switchboard.clients.control.PlatformClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The microagents of a repository and the instructions they give a job. Sources in precedence order: shipped
 * ({@link ShippedMicroagents}), the organization's config repository (its default branch), the repository at the
 * job's ref. Repository reads go through the platform clients (retries, rate limits and circuit breakers apply
 * there) and are cached per commit SHA ({@link MicroagentCache}).
 */
@ApplicationScoped
public class Microagents {

    @Inject
    PlatformClients clients;

    @Inject
    ShippedMicroagents shipped;

    @Inject
    MicroagentCache cache;

    /**
     * The instructions for a job on {@code repository} at {@code ref} (null: the default branch), asked by
     * {@code message}, with the thread's earlier messages (oldest first) where task inputs may have been answered.
     *
     * @throws RepositoryNotFoundException the repository or ref is unknown to the credential
     * @throws RepositoryReadException     the platform refused or failed a read
     */
    public Instructions instructions(RepositoryAccess repository, String ref, String message, List<String> thread) {
        RepositoryMicroagents loaded = load(repository, ref);
        List<MicroagentMatch> included = MicroagentMatcher.match(loaded.catalog().agents(), message, thread);
        return new Instructions(loaded.commit(), included, InstructionsText.of(included), loaded.catalog().errors());
    }

    /** Every agent that applies to the repository at {@code ref}, with the files that failed to load. */
    public RepositoryMicroagents load(RepositoryAccess repository, String ref) {
        RepositoryFiles files = files(repository);
        String commit = files.commitOf(ref).orElseThrow(() -> new RepositoryNotFoundException(
                repository + (ref == null ? "" : " at " + ref) + " was not found (or the account may not read it)"));
        LoadedSource repo = cache.get(key(repository, commit), () -> RepositorySourceReader.repository(files, commit));
        LoadedSource organization = organization(repository);
        return new RepositoryMicroagents(repository, commit,
                MicroagentCatalog.merge(List.of(shipped.load(), organization, repo)));
    }

    /** The organization's config repository at its default branch; none is fine. */
    private LoadedSource organization(RepositoryAccess repository) {
        RepositoryAccess config = repository.organizationConfig();
        if (config.fullName().equals(repository.fullName())) {
            return LoadedSource.empty(MicroagentSource.ORGANIZATION);
        }
        RepositoryFiles files = files(config);
        try {
            Optional<String> commit = files.commitOf(null);
            return commit.map(c -> cache.get(key(config, c), () -> RepositorySourceReader.organization(files, c)))
                    .orElseGet(() -> LoadedSource.empty(MicroagentSource.ORGANIZATION));
        } catch (RepositoryReadException e) {
            // an organization repository the credential may not read must not stop the job's own agents
            return new LoadedSource(MicroagentSource.ORGANIZATION, List.of(), List.of(new MicroagentLoadError(
                    MicroagentSource.ORGANIZATION, config.fullName(), 0, e.getMessage())));
        }
    }

    private RepositoryFiles files(RepositoryAccess repository) {
        return repository.platform() == RepositoryPlatform.GITHUB
                ? new GitHubRepositoryFiles(clients.gitHub(), repository)
                : new GitLabRepositoryFiles(clients.gitLab(), repository);
    }

    private static String key(RepositoryAccess repository, String commit) {
        return repository.platform().id() + ":" + repository.fullName() + "@" + commit;
    }
}
