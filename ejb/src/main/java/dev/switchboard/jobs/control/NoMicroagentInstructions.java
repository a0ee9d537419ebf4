package dev.switchboard.jobs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;

/** No instructions: what jobs get until the microagents loader (issue 5) provides its bean. */
@ApplicationScoped
@Default
public class NoMicroagentInstructions implements MicroagentInstructions {

    @Override
    public String forJob(String repository, String gitProvider, String prompt) {
        return "";
    }
}
