// The run's result, told to the runner: outputs, annotations, the job summary and the verdict.
// A summary that cannot be written is a warning, never the run's failure; and when Twilio was
// updated, every message about a file that could not be written says so.
import type { Outputs } from '../config/contract.js';
import { errorMessage } from '../core/errors.js';
import { outputsFor, outputsForAborted, outputsForExport } from '../report/outputs.js';
import { renderAbortedSummary, renderExportSummary, renderSummary } from '../report/summary.js';
import { driftWarnings, failureOf, verdictLine } from '../report/verdict.js';
import { DesiredStateError, MAX_LISTED_PROBLEMS } from '../model/desired.js';
import type { AbortedRun, ExportedRun, GitHubOutcomes, RunResult } from '../model/result.js';
import type { Runner } from './runner.js';

export async function publishResult(
  runner: Runner,
  result: RunResult,
  gitHub: GitHubOutcomes,
): Promise<void> {
  const updated = result.resources.some((r) => r.changed)
    ? ` Twilio was updated: ${verdictLine(result)}`
    : '';
  runner.info(verdictLine(result));
  const outputsWritten = setOutputs(runner, outputsFor(result, gitHub), updated);
  if (result.skipped !== undefined) {
    runner.annotate('notice', result.skipped, { title: 'Twilio webhooks left alone' });
  }
  for (const note of result.resources.flatMap((r) =>
    r.status === 'skipped' ? [] : (r.notes ?? []),
  )) {
    runner.annotate('warning', note);
  }
  for (const drift of driftWarnings(result))
    runner.annotate('warning', drift, { title: 'Twilio webhook drift' });
  for (const { title, message } of result.warnings) runner.annotate('warning', message, { title });
  await writeSummary(runner, renderSummary(result, gitHub), updated);
  const failure = failureOf(result, gitHub);
  if (failure !== undefined) fail(runner, failure);
  else if (!outputsWritten) runner.fail();
}

/**
 * A run that stopped before its result: its mode (when the input was valid), why, the plan
 * comment that said so, and a desired-state file's first problems, each for an annotation on its
 * line.
 */
export function abortedRun(
  mode: string | undefined,
  failure: string,
  error: unknown,
  gitHub: GitHubOutcomes | undefined,
): AbortedRun {
  const problems =
    error instanceof DesiredStateError
      ? error.problems.slice(0, MAX_LISTED_PROBLEMS).map(({ line, column, message }) => ({
          file: error.file,
          line,
          column,
          message,
        }))
      : undefined;
  return { mode, failure, gitHub, problems };
}

export async function publishAborted(runner: Runner, run: AbortedRun): Promise<void> {
  setOutputs(runner, outputsForAborted(), '');
  await writeSummary(runner, renderAbortedSummary(run), '');
  const comment = run.gitHub?.prComment;
  const failure = comment?.action === 'failed' ? `${run.failure} ${comment.error}` : run.failure;
  if (run.problems === undefined) {
    fail(runner, failure);
    return;
  }
  if (comment?.action === 'failed') runner.annotate('error', comment.error);
  runner.info(run.failure);
  for (const { file, line, column, message } of run.problems) {
    runner.annotate('error', message, { title: 'Desired-state file', file, line, column });
  }
  runner.fail();
}

export async function publishExport(runner: Runner, run: ExportedRun): Promise<void> {
  runner.info(`Wrote ${run.file}.`);
  if (run.withCredentials.length > 0) {
    runner.annotate(
      'warning',
      `${run.file} holds webhook URLs with credentials in plain text (${run.withCredentials.join(', ')}): before committing it, move each into a secret and write \${NAME} in its place.`,
    );
  }
  if (!setOutputs(runner, outputsForExport(run), '')) runner.fail();
  await writeSummary(runner, renderExportSummary(run), '');
}

function fail(runner: Runner, reason: string): void {
  runner.annotate('error', reason);
  runner.fail();
}

/** False when the outputs file could not be written: later steps would read stale values. */
function setOutputs(runner: Runner, outputs: Outputs, updated: string): boolean {
  try {
    for (const [name, value] of Object.entries(outputs)) runner.setOutput(name, value);
    return true;
  } catch (error) {
    runner.annotate(
      'error',
      `Could not write the step's outputs: ${errorMessage(error)}.${updated}`,
    );
    return false;
  }
}

async function writeSummary(runner: Runner, markdown: string, updated: string): Promise<void> {
  try {
    await runner.writeSummary(markdown);
  } catch (error) {
    runner.annotate(
      'warning',
      `Could not write the job summary (${errorMessage(error)}); the verdict is in this log.${updated}`,
    );
  }
}
