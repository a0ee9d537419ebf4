package dev.switchboard.microagents.control;

import java.util.List;
import java.util.Optional;

/** Read access to one repository's files at a commit, through a platform's API. */
public interface RepositoryFiles {

    /** The commit SHA a ref (null: the default branch) points at; empty when the repository or ref does not exist. */
    Optional<String> commitOf(String ref);

    /** The names of the files at the repository's root. */
    List<String> rootFiles(String commit);

    /** Every file below {@code folder}, at any depth, as paths relative to it; empty when the folder is not there. */
    List<String> filesUnder(String commit, String folder);

    /** A file's text (UTF-8); empty when it is not there. */
    Optional<String> read(String commit, String path);
}
