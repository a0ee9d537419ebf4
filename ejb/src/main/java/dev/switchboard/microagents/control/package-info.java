/**
 * Microagents: Markdown files with an optional YAML front matter that teach the agent a repository's conventions
 * (repo agents, always included), domain knowledge (knowledge agents, included when a trigger word occurs in the
 * job's message) or a parameterised procedure (task agents, run by {@code /name} with {@code ${variables}}).
 * <p>
 * The format and matching are pure functions ({@link dev.switchboard.microagents.control.MicroagentParser},
 * {@link dev.switchboard.microagents.control.TriggerMatch}, {@link dev.switchboard.microagents.control.TaskVariables});
 * each file is parsed on its own so that a broken one is reported with its line while the others load (the seed
 * failed the whole folder). {@link dev.switchboard.microagents.control.Microagents} loads the sources (shipped or
 * MICROAGENTS_DIR, the organization's config repository, the repository at the job's ref) through the platform
 * clients and caches each repository commit's result in memory ({@link dev.switchboard.microagents.control.MicroagentCache});
 * its {@code instructions(...)} is what job start calls. Front matter is read with SnakeYAML's safe constructor
 * (bundled in the EAR's lib/).
 */
package dev.switchboard.microagents.control;
