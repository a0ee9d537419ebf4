package dev.switchboard.jobs.control;

import dev.switchboard.microagents.control.Instructions;
import dev.switchboard.microagents.control.Microagents;
import dev.switchboard.microagents.control.RepositoryAccess;
import dev.switchboard.microagents.control.RepositoryNotFoundException;
import dev.switchboard.microagents.control.RepositoryReadException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * The {@code conversation_instructions} of a job: the repository's microagents matched to the request. A
 * repository whose agents cannot be read still gets its job, without them; the log says why, and a broken
 * microagent file is logged by name and line. A platform's long rate limit is not swallowed: the delivery
 * is rescheduled and the job starts later, with its instructions.
 */
@ApplicationScoped
public class JobInstructions {

    private static final Logger LOG = Logger.getLogger(JobInstructions.class.getName());

    @Inject
    Microagents microagents;

    /**
     * @param request the message that asked for the job (knowledge triggers, task inputs)
     * @param thread  the earlier messages of the thread, oldest first (task inputs answered there)
     */
    public String forJob(RepositoryAccess repository, String request, List<String> thread) {
        try {
            Instructions found = microagents.instructions(repository, null, request, thread);
            found.errors().forEach(error -> LOG.warning(() -> "microagent of " + repository.fullName() + " skipped: "
                    + error.describe()));
            return found.text();
        } catch (RepositoryNotFoundException | RepositoryReadException e) {
            LOG.warning(() -> "microagents of " + repository.fullName() + " not read: " + e.getMessage());
            return "";
        }
    }
}
