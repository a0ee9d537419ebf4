package dev.switchboard.jobs.control;

/**
 * The seam for issue 5 (microagents, built on another branch): the {@code conversation_instructions} for a job
 * on a repository. Until that work lands the default bean says nothing; it will replace this with a bean that
 * loads and matches the repository's microagents.
 */
public interface MicroagentInstructions {

    /**
     * @param repository {@code owner/repo}, or null when the job has none
     * @param prompt     the user's request, for knowledge microagents' triggers
     * @return the instructions, empty when there are none
     */
    String forJob(String repository, String gitProvider, String prompt);
}
