// The runner cancels a step (or ends it at timeout-minutes) with SIGINT, then SIGTERM about 7.5 s
// later. The first signal cancels the run, which starts no new update, gives those in flight
// CANCEL_GRACE_MS, and still writes its outputs and summary; a second one ends the process at once.
import { constants } from 'node:os';
import { info } from '@actions/core';
import { CANCEL_GRACE_MS } from './http/cancellation.js';
import { run } from './main.js';

const cancel = new AbortController();
const onSignal = (signal: NodeJS.Signals): void => {
  if (cancel.signal.aborted) process.exit(128 + constants.signals[signal]);
  info(
    `Received ${signal}: no new update starts, and updates in flight have ${CANCEL_GRACE_MS / 1000} s to finish before the run reports what it did. A second signal ends the step at once.`,
  );
  cancel.abort(signal);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

await run({ signal: cancel.signal });
// A cancelled run may leave a grace or a backoff wait behind it: they must not hold the runner.
if (cancel.signal.aborted) process.exit();
