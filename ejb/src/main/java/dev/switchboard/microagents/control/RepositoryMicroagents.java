package dev.switchboard.microagents.control;

/** The agents that apply to a repository at a commit ({@code commit} is the SHA the ref pointed at). */
public record RepositoryMicroagents(RepositoryAccess repository, String commit, MicroagentCatalog catalog) {
}
