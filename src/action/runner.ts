// Everything the action says to the runner goes through a Runner: inputs in; secrets to mask,
// log lines, annotations, outputs and the job summary out. The runner's own is @actions/core;
// tests pass one that records. `guarded` wraps either so that nothing leaves unredacted, and
// nothing goes past what GitHub shows.
import * as core from '@actions/core';
import { MAX_SUMMARY_BYTES } from '../core/budget.js';
import type { Secrets } from '../core/secrets.js';

export type AnnotationLevel = 'notice' | 'warning' | 'error';

/** Where an annotation points, so that it shows on the line in the pull request's Files tab. */
export interface AnnotationOptions {
  readonly title?: string | undefined;
  /** Relative to the repository's root. */
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

export interface Runner {
  /** The step's environment: GITHUB_* variables, proxies, and variables for the desired state. */
  readonly env: NodeJS.ProcessEnv;
  getInput(name: string): string;
  setSecret(secret: string): void;
  debug(message: string): void;
  info(message: string): void;
  annotate(level: AnnotationLevel, message: string, options?: AnnotationOptions): void;
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
    annotate: (level, message, options = {}) => {
      const properties: core.AnnotationProperties = {
        ...(options.title === undefined ? {} : { title: options.title }),
        ...(options.file === undefined ? {} : { file: options.file }),
        ...(options.line === undefined ? {} : { startLine: options.line }),
        ...(options.column === undefined ? {} : { startColumn: options.column }),
      };
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

/** A log line longer than this (a body from the network, say) is cut, after redaction. */
export const MAX_LOG_LINE = 4_000;

/** GitHub shows 10 annotations of each level per step; the rest would be lost without a word. */
export const MAX_ANNOTATIONS_PER_LEVEL = 10;

export interface GuardedRunner extends Runner {
  /** Says how many annotations of each level did not fit; call once, at the end of the run. */
  finish(): void;
}

/**
 * The same runner, but every text a person reads is shown through `secrets` (secrets as ***,
 * values from `${NAME}` as written) and outputs are redacted; log lines are bounded in length and
 * cannot start a runner command of their own; and at most MAX_ANNOTATIONS_PER_LEVEL annotations of
 * a level are made: the rest are log lines, rolled into one last annotation that counts them.
 */
export function guarded(runner: Runner, secrets: Secrets): GuardedRunner {
  const line = (text: string): string => shorten(secrets.show(text), MAX_LOG_LINE);
  const info = (message: string) => {
    runner.info(neutralizeCommands(line(message)));
  };
  const held = new Map<AnnotationLevel, { message: string; options: AnnotationOptions }[]>();
  const made = new Map<AnnotationLevel, number>();
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
    info,
    annotate: (level, message, options = {}) => {
      const shown = shorten(secrets.show(message), MAX_LOG_LINE);
      const title = options.title === undefined ? undefined : secrets.show(options.title);
      const count = made.get(level) ?? 0;
      if (count < MAX_ANNOTATIONS_PER_LEVEL - 1) {
        made.set(level, count + 1);
        runner.annotate(level, shown, { ...options, title });
        return;
      }
      const extra = held.get(level) ?? [];
      extra.push({ message: shown, options: { ...options, title } });
      held.set(level, extra);
      info(`${LEVEL_NAMES[level]}${where(options)}: ${shown}`);
    },
    setOutput: (name, value) => {
      runner.setOutput(name, secrets.redact(value));
    },
    writeSummary: (markdown) => runner.writeSummary(withinSummaryLimit(secrets.show(markdown))),
    finish: () => {
      for (const [level, extra] of held) {
        const [only] = extra;
        if (only !== undefined && extra.length === 1) {
          runner.annotate(level, only.message, only.options);
        } else {
          runner.annotate(
            level,
            `…and ${extra.length} more ${LEVEL_NAMES[level].toLowerCase()}s, each in the log as a line starting with "${LEVEL_NAMES[level]}" (GitHub shows ${MAX_ANNOTATIONS_PER_LEVEL} annotations of a kind per step); the job summary has every resource.`,
          );
        }
      }
      held.clear();
    },
  };
}

const LEVEL_NAMES: Readonly<Record<AnnotationLevel, string>> = {
  notice: 'Notice',
  warning: 'Warning',
  error: 'Error',
};

function where(options: AnnotationOptions): string {
  if (options.file === undefined) return '';
  return ` (${options.file}${options.line === undefined ? '' : `:${options.line}`})`;
}

/** The last guard of GitHub's 1 MiB per step summary: report/summary.ts folds long summaries first. */
function withinSummaryLimit(markdown: string): string {
  const bytes = Buffer.from(markdown, 'utf8');
  if (bytes.length <= MAX_SUMMARY_BYTES) return markdown;
  const cut = '\n\n…cut here: the summary is over GitHub’s 1 MiB for a step.\n';
  // Cut at a line's end: a character split in two bytes lies after it.
  const head = bytes.subarray(0, MAX_SUMMARY_BYTES - Buffer.byteLength(cut)).toString('utf8');
  return `${head.slice(0, Math.max(0, head.lastIndexOf('\n')))}${cut}`;
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
