// The story of a run: inputs → desired state → fetch live → plan → apply or report → outputs.
// Only wiring: each step is a module of its layer (docs/architecture.md).
import { registerInputSecrets, registerRunSecrets } from './action/known-secrets.js';
import { abortedRun, publishAborted, publishExport, publishResult } from './action/publish.js';
import { actionsRunner, guarded } from './action/runner.js';
import type { Runner } from './action/runner.js';
import { explainError } from './config/advice.js';
import { INPUTS } from './config/contract.js';
import type { RawInputs } from './config/contract.js';
import { readOnlyIfLive } from './config/deploy-settings.js';
import { readDesired } from './config/desired-source.js';
import { modeIfValid, parseSettings } from './config/settings.js';
import type { Settings } from './config/settings.js';
import { systemClock } from './core/clock.js';
import type { Clock } from './core/clock.js';
import { errorMessage } from './core/errors.js';
import { Secrets } from './core/secrets.js';
import { USER_AGENT } from './core/version.js';
import { checkOnly, deploy } from './engine/deploy.js';
import { takeInventory } from './engine/inventory.js';
import { planEach } from './engine/plan.js';
import { runResult } from './engine/run-result.js';
import { keepGitHubInformed, reportFailedRun } from './github/side.js';
import { proxyFor } from './http/proxy.js';
import type { Dispatcher } from './http/undici.js';
import type { DesiredSet } from './model/desired.js';
import type { DesiredConfig } from './model/fields.js';
import { TwilioClient } from './twilio/client.js';

export interface Dependencies {
  /** The runner to read inputs from and report to; @actions/core's by default. */
  readonly runner?: Runner | undefined;
  /** For Twilio's calls; the client makes its own pool otherwise. */
  readonly dispatcher?: Dispatcher | undefined;
  readonly clock?: Clock | undefined;
  /** The unit of the GitHub client's retry waits (its plugins keep their own timers). */
  readonly gitHubRetryUnitMs?: number | undefined;
  /** Cancels the run: no update starts after it, and the run reports what it did (src/http/cancellation.ts). */
  readonly signal?: AbortSignal | undefined;
}

export async function run(dependencies: Dependencies = {}): Promise<void> {
  const raw = dependencies.runner ?? actionsRunner();
  const secrets = new Secrets((secret) => {
    raw.setSecret(secret);
  });
  const runner = guarded(raw, secrets);
  try {
    await runStory(runner, secrets, dependencies);
  } finally {
    runner.finish();
  }
}

async function runStory(
  runner: Runner,
  secrets: Secrets,
  dependencies: Dependencies,
): Promise<void> {
  const inputs = readInputs(runner);
  registerInputSecrets(inputs, secrets);
  const gitHub = gitHubContext(runner, secrets, dependencies);

  let settings: Settings;
  // Known once the inputs are valid: a check that fails after that says so in its plan comment.
  let planning: Settings | undefined;
  let desired: DesiredSet | undefined;
  let onlyIfLive: DesiredConfig | undefined;
  try {
    const parsed = parseSettings(inputs);
    settings = parsed.settings;
    planning = settings;
    for (const warning of parsed.warnings) runner.annotate('warning', warning);
    desired = settings.mode === 'export' ? undefined : await readDesired(settings, runner.env);
    const expected = settings.deploy.onlyIfLive;
    onlyIfLive = expected === undefined ? undefined : await readOnlyIfLive(expected);
  } catch (error) {
    const failure = errorMessage(error);
    const told =
      planning === undefined ? undefined : await reportFailedRun(failure, planning, gitHub);
    await publishAborted(runner, abortedRun(modeIfValid(inputs), failure, error, told));
    return;
  }
  registerRunSecrets(secrets, settings, desired, onlyIfLive);
  const clock = dependencies.clock ?? systemClock;
  const explain = (error: unknown) => explainError(error, settings);

  const twilio = twilioClient(settings, dependencies, runner);
  try {
    if (desired === undefined) {
      const { exportState } = await import('./engine/export.js');
      await publishExport(runner, await exportState(twilio, settings, runner.env, clock));
      return;
    }
    const inventory = await takeInventory(twilio, desired, settings);
    const { planned, warnings } = planEach(inventory.managed);
    for (const warning of warnings) runner.annotate('warning', warning);
    const outcome =
      settings.mode === 'apply'
        ? await deploy(twilio, planned, settings, {
            env: runner.env,
            log: (message) => {
              runner.info(message);
            },
            clock,
            explain,
            onlyIfLive,
            signal: dependencies.signal,
          })
        : checkOnly(planned, settings);
    const result = runResult(settings, inventory, outcome);
    await publishResult(runner, result, await keepGitHubInformed(result, settings, gitHub));
  } catch (error) {
    const failure = explain(error);
    const told = await reportFailedRun(failure, settings, gitHub);
    await publishAborted(runner, abortedRun(settings.mode, failure, error, told));
  } finally {
    await twilio.close();
  }
}

function readInputs(runner: Runner): RawInputs {
  return Object.fromEntries(INPUTS.map((name) => [name, runner.getInput(name)])) as RawInputs;
}

function twilioClient(
  settings: Settings,
  dependencies: Dependencies,
  runner: Runner,
): TwilioClient {
  return new TwilioClient({
    baseUrl: settings.endpoint.baseUrl,
    credentials: settings.credentials,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    maxConnections: settings.maxConcurrency,
    userAgent: USER_AGENT,
    proxyUrl: proxyFor(settings.endpoint.baseUrl, runner.env),
    dispatcher: dependencies.dispatcher,
    clock: dependencies.clock,
    signal: dependencies.signal,
    log: (level, message) => {
      if (level === 'info') runner.info(message);
      else runner.debug(message);
    },
  });
}

function gitHubContext(runner: Runner, secrets: Secrets, dependencies: Dependencies) {
  return {
    runner,
    secrets,
    clock: dependencies.clock ?? systemClock,
    retryUnitMs: dependencies.gitHubRetryUnitMs ?? 1_000,
    signal: dependencies.signal,
  };
}
