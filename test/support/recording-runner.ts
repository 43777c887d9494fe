// A Runner that records what the action says to it, as @actions/core would have printed it, so
// that in-process runs of run() see everything a subprocess run shows: masks, log lines,
// annotations, outputs and the summary.
import type { AnnotationLevel, AnnotationOptions, Runner } from '../../src/action/runner.js';
import type { Annotation } from './dist-run.js';

export interface RecordingOptions {
  readonly inputs?: Readonly<Record<string, string>>;
  readonly env?: NodeJS.ProcessEnv;
  /** Like a runner without GITHUB_STEP_SUMMARY: writing the summary throws. */
  readonly summaryFails?: boolean;
  /** Like an outputs file that cannot be written. */
  readonly outputsFail?: boolean;
}

export class RecordingRunner implements Runner {
  readonly env: NodeJS.ProcessEnv;
  readonly masked: string[] = [];
  /** The lines core would print to stdout, in order. */
  readonly stdout: string[] = [];
  readonly annotations: Annotation[] = [];
  readonly outputs: Record<string, string> = {};
  summary = '';
  failed = false;
  private readonly options: RecordingOptions;

  constructor(options: RecordingOptions = {}) {
    this.options = options;
    this.env = options.env ?? {};
  }

  getInput(name: string): string {
    return (this.options.inputs?.[name] ?? '').trim();
  }

  setSecret(secret: string): void {
    this.masked.push(secret);
    this.stdout.push(`::add-mask::${escapeData(secret)}`);
  }

  debug(message: string): void {
    this.stdout.push(`::debug::${escapeData(message)}`);
  }

  info(message: string): void {
    this.stdout.push(...message.split('\n'));
  }

  annotate(level: AnnotationLevel, message: string, options: AnnotationOptions = {}): void {
    const { title, file, line, column } = options;
    this.annotations.push({
      level,
      message,
      title,
      ...(file === undefined ? {} : { file }),
      ...(line === undefined ? {} : { line }),
      ...(column === undefined ? {} : { column }),
    });
    // In the order @actions/core writes them.
    const properties = Object.entries({ title, file, line, col: column })
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
      .join(',');
    this.stdout.push(
      `::${level}${properties === '' ? '' : ` ${properties}`}::${escapeData(message)}`,
    );
  }

  setOutput(name: string, value: string): void {
    if (this.options.outputsFail === true) throw new Error('Unable to write the outputs file');
    this.outputs[name] = value;
  }

  writeSummary(markdown: string): Promise<void> {
    if (this.options.summaryFails === true) {
      return Promise.reject(
        new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY'),
      );
    }
    this.summary += markdown;
    return Promise.resolve();
  }

  fail(): void {
    this.failed = true;
  }
}

/** As @actions/core escapes a command's data. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core escapes a command's property. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
