// Everything the action says to the runner goes through a Runner: inputs in; secrets to mask,
// log lines, annotations, outputs and the job summary out. The runner's own is @actions/core;
// tests pass one that records. `redacting` wraps either so that nothing leaves unredacted.
import * as core from '@actions/core';
import type { Secrets } from './secrets.js';

export type AnnotationLevel = 'notice' | 'warning' | 'error';

export interface Runner {
  /** The step's environment: GITHUB_* variables, proxies, and variables for the desired state. */
  readonly env: NodeJS.ProcessEnv;
  getInput(name: string): string;
  setSecret(secret: string): void;
  debug(message: string): void;
  info(message: string): void;
  annotate(level: AnnotationLevel, message: string, title?: string): void;
  setOutput(name: string, value: string): void;
  /** Appends Markdown to the job summary; throws when there is no summary file to write. */
  writeSummary(markdown: string): Promise<void>;
  /** Marks the step failed; the reason is an error annotation of its own. */
  fail(): void;
}

export function actionsRunner(env: NodeJS.ProcessEnv = process.env): Runner {
  return {
    env,
    getInput: (name) => core.getInput(name),
    setSecret: (secret) => {
      core.setSecret(secret);
    },
    debug: (message) => {
      core.debug(message);
    },
    info: (message) => {
      core.info(message);
    },
    annotate: (level, message, title) => {
      const properties = title === undefined ? {} : { title };
      if (level === 'notice') core.notice(message, properties);
      else if (level === 'warning') core.warning(message, properties);
      else core.error(message, properties);
    },
    setOutput: (name, value) => {
      core.setOutput(name, value);
    },
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
    fail: () => {
      process.exitCode = 1;
    },
  };
}

/** Outputs that hold only a boolean or a SID, which a short secret such as "true" must not turn into ***. */
const NEVER_SECRET = /^(?:true|false|(?:AC|IS|SK)[0-9a-f]{32})$/;

/** A log line longer than this (a body from the network, say) is cut, after redaction. */
export const MAX_LOG_LINE = 4_000;

/**
 * The same runner, but every text is first scanned for URL credentials (registered before the
 * text is printed) and then redacted; log lines are bounded in length, and cannot start a
 * runner command of their own.
 */
export function redacting(runner: Runner, secrets: Secrets): Runner {
  const clean = (text: string): string => {
    secrets.addUrlsIn(text);
    return secrets.redact(text);
  };
  const line = (text: string): string => shorten(clean(text), MAX_LOG_LINE);
  return {
    env: runner.env,
    getInput: (name) => runner.getInput(name),
    setSecret: (secret) => {
      runner.setSecret(secret);
    },
    fail: () => {
      runner.fail();
    },
    debug: (message) => {
      runner.debug(line(message));
    },
    info: (message) => {
      runner.info(neutralizeCommands(line(message)));
    },
    annotate: (level, message, title) => {
      runner.annotate(level, clean(message), title === undefined ? undefined : clean(title));
    },
    setOutput: (name, value) => {
      runner.setOutput(name, NEVER_SECRET.test(value) ? value : clean(value));
    },
    writeSummary: (markdown) => runner.writeSummary(clean(markdown)),
  };
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

/**
 * `core.info` prints its text as is, so a line of it that starts with "::" would be read as a
 * workflow command (`::add-mask::`, `::stop-commands::`), and the runner still reads the legacy
 * `##[command]` form anywhere in a line. Messages are built as one line, and
 * network text in them is escaped; this is the last guard, for every line.
 */
export function neutralizeCommands(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trimStart().startsWith('::') ? `> ${line}` : line))
    .join('\n')
    .replaceAll('##[', '## [');
}
