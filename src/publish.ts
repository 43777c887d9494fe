// The run's result, told to the runner: outputs, annotations, the job summary and the verdict.
// A summary that cannot be written is a warning, never the run's failure; and when Twilio was
// updated, every message about a file that could not be written says so.
import type { Outputs } from './contract.js';
import { errorMessage } from './errors.js';
import {
  driftWarning,
  failureOf,
  outputsFor,
  outputsForAborted,
  renderAbortedSummary,
  renderSummary,
  verdictLine,
} from './render.js';
import type { AbortedRun, DriftIssueOutcome, RunResult } from './result.js';
import type { Runner } from './runner.js';

export async function publishResult(
  runner: Runner,
  result: RunResult,
  issue: DriftIssueOutcome | undefined,
): Promise<void> {
  const updated = result.changed ? ` Twilio was updated: ${verdictLine(result)}` : '';
  runner.info(verdictLine(result));
  const outputsWritten = setOutputs(runner, outputsFor(result, issue), updated);
  for (const note of result.notes ?? []) runner.annotate('warning', note);
  const drift = driftWarning(result);
  if (drift !== undefined) runner.annotate('warning', drift, 'Twilio webhook drift');
  await writeSummary(runner, renderSummary(result, issue), updated);
  const failure = failureOf(result, issue);
  if (failure !== undefined) fail(runner, failure);
  else if (!outputsWritten) runner.fail();
}

export async function publishAborted(runner: Runner, run: AbortedRun): Promise<void> {
  setOutputs(runner, outputsForAborted(), '');
  await writeSummary(runner, renderAbortedSummary(run), '');
  fail(runner, run.failure);
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
