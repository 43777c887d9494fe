// Running the action, the two ways the tests do, with one record of what it did:
// - runInProcess: run() in this process with its dependencies passed in (a recording runner, a
//   recording clock): fast, and it sees everything;
// - runDist (./dist-run.ts): the committed dist/index.js as the runner starts it.
// A scenario that must hold both ways is one test run with each of RUNNERS (describe.each).
import type { Clock } from '../../src/core/clock.js';
import { run } from '../../src/main.js';
import type { Dispatcher } from '../../src/http/undici.js';
import { recordingClock } from './clock.js';
import { runDist, withDefaults } from './dist-run.js';
import type { ActionRun, Inputs } from './dist-run.js';
import { RecordingRunner } from './recording-runner.js';

export {
  ACTION_YML,
  annotationsOf,
  errorLine,
  inputVariable,
  parseOutputFile,
  ROOT,
  runDist,
  withDefaults,
} from './dist-run.js';
export type { ActionRun, Inputs } from './dist-run.js';

export interface InProcessOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly clock?: Clock;
  readonly dispatcher?: Dispatcher;
  readonly summaryFails?: boolean;
  readonly outputsFail?: boolean;
}

export async function runInProcess(
  inputs: Inputs,
  options: InProcessOptions = {},
): Promise<ActionRun> {
  const runner = new RecordingRunner({ ...options, inputs: withDefaults(inputs) });
  await run({
    runner,
    clock: options.clock,
    dispatcher: options.dispatcher,
    // The GitHub client's plugins wait on timers of their own: a millisecond for their second.
    gitHubRetryUnitMs: 1,
  });
  return {
    exitCode: runner.failed ? 1 : 0,
    stdout: runner.stdout,
    stderr: '',
    annotations: runner.annotations,
    outputs: runner.outputs,
    summary: runner.summary,
    everything: [...runner.stdout, ...Object.values(runner.outputs), runner.summary].join('\n'),
  };
}

export interface ActionRunner {
  readonly name: string;
  readonly run: (inputs: Inputs) => Promise<ActionRun>;
}

/** Both ways to run the action, for describe.each: the in-process run records its waits. */
export const RUNNERS: readonly ActionRunner[] = [
  { name: 'run() in-process', run: (inputs) => runInProcess(inputs, { clock: recordingClock() }) },
  { name: 'dist/index.js', run: (inputs) => runDist(inputs) },
];
