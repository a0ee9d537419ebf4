package dev.switchboard.microagents.control;

import java.util.List;

/**
 * What a job gets from its repository's microagents: the agents included for its message, the instructions text
 * (empty when none apply) and the files that failed to load, which the job's requester should hear about.
 */
public record Instructions(String commit, List<MicroagentMatch> included, String text, List<MicroagentLoadError> errors) {

    public Instructions {
        included = List.copyOf(included);
        errors = List.copyOf(errors);
    }
}
