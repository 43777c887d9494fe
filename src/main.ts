// The story of a run: read inputs → desired state → fetch live → plan → apply or report → outputs.
import { explainError } from './config/advice.js';
import type { Clock } from './core/clock.js';
import { systemClock } from './core/clock.js';
import { INPUTS } from './config/contract.js';
import type { RawInputs } from './config/contract.js';
import { checkOnly, deploy } from './engine/deploy.js';
import type { Outcome } from './engine/deploy.js';
import { readOnlyIfLive } from './config/deploy-settings.js';
import { errorMessage } from './core/errors.js';
import { keepGitHubInformed, reportFailedRun } from './github/side.js';
import { servicesReport, takeInventory } from './engine/inventory.js';
import type { DesiredSet, Inventory } from './engine/inventory.js';
import { planChanges } from './engine/plan.js';
import { proxyFor } from './http/proxy.js';
import { publishAborted, publishExport, publishResult } from './action/publish.js';
import type { FileProblem, RunResult } from './model/result.js';
import { DesiredStateError, MAX_LISTED_PROBLEMS } from './model/service-names.js';
import { actionsRunner, guarded } from './action/runner.js';
import type { Runner } from './action/runner.js';
import { Secrets } from './core/secrets.js';
import { modeIfValid, parseSettings } from './config/settings.js';
import type { Settings } from './config/settings.js';
import { TwilioClient } from './twilio/client.js';
import type { Dispatcher } from './http/undici.js';
import { USER_AGENT } from './core/version.js';
import { describeResource } from './model/webhook-config.js';
import type { DesiredConfig } from './model/webhook-config.js';

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
  maskInputSecrets(inputs, secrets);

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
    const gitHub =
      planning === undefined
        ? undefined
        : await reportFailedRun(failure, planning, gitHubContext(runner, secrets, dependencies));
    await publishAborted(runner, {
      mode: modeIfValid(inputs),
      failure,
      gitHub,
      problems: error instanceof DesiredStateError ? fileProblems(error) : undefined,
    });
    return;
  }
  secrets.addBasicCredential(settings.credentials.username, settings.credentials.password);
  for (const url of desiredUrls(onlyIfLive, desired)) secrets.addUrl(url);
  if (desired?.kind === 'file') {
    for (const { name, value } of desired.state.variables) secrets.addVariable(name, value);
  }
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
    const planned = inventory.managed.map((managed) => ({
      ...managed,
      plan: planChanges(managed.desired, managed.live),
    }));
    for (const { resource, plan } of planned) {
      for (const warning of plan.warnings) {
        runner.annotate(
          'warning',
          planned.length > 1 ? `${describeResource(resource)}: ${warning}` : warning,
        );
      }
    }
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
    const result = resultOf(settings, inventory, outcome);
    const gitHub = await keepGitHubInformed(
      result,
      settings,
      gitHubContext(runner, secrets, dependencies),
    );
    await publishResult(runner, result, gitHub, settings.unmanagedServices);
  } catch (error) {
    const failure = explain(error);
    const gitHub = await reportFailedRun(
      failure,
      settings,
      gitHubContext(runner, secrets, dependencies),
    );
    await publishAborted(runner, {
      mode: settings.mode,
      failure,
      gitHub,
      problems: error instanceof DesiredStateError ? fileProblems(error) : undefined,
    });
  } finally {
    await twilio.close();
  }
}

function resultOf(settings: Settings, inventory: Inventory, outcome: Outcome): RunResult {
  const services = servicesReport(
    inventory,
    outcome.resources.map((r) => ({ resource: r.resource, name: r.name, config: r.current })),
  );
  return {
    mode: settings.mode === 'apply' ? 'apply' : 'check',
    accountSid: settings.accountSid,
    file: settings.source.kind === 'file' ? settings.source.path : undefined,
    ...outcome,
    services,
    failures: [...outcome.failures, ...unmanagedFailures(services, settings)],
  };
}

/** Every URL the run may print that a desired-state file or only-if-live holds. */
function desiredUrls(
  onlyIfLive: DesiredConfig | undefined,
  desired: DesiredSet | undefined,
): (string | null | undefined)[] {
  const configs = [
    onlyIfLive,
    ...(desired?.kind === 'file'
      ? [desired.state.account, ...desired.state.services.map((s) => s.desired)]
      : []),
  ];
  return configs.flatMap((config) => [config?.pre_webhook_url, config?.post_webhook_url]);
}

/** The first problems of a desired-state file, each for an annotation on its line. */
function fileProblems(error: DesiredStateError): FileProblem[] {
  return error.problems.slice(0, MAX_LISTED_PROBLEMS).map(({ line, column, message }) => ({
    file: error.file,
    line,
    column,
    message,
  }));
}

function readInputs(runner: Runner): RawInputs {
  return Object.fromEntries(INPUTS.map((name) => [name, runner.getInput(name)])) as RawInputs;
}

/** Before anything is printed: the tokens, and the credentials of the desired webhook URLs. */
function maskInputSecrets(inputs: RawInputs, secrets: Secrets): void {
  for (const name of ['auth-token', 'api-secret', 'github-token'] as const) {
    secrets.add(inputs[name]);
  }
  for (const name of ['pre-webhook-url', 'post-webhook-url', 'probe-url'] as const) {
    secrets.addUrl(inputs[name]);
  }
  for (const url of inputs['only-if-live'].match(/[a-z][a-z0-9+.-]*:\/\/[^\s"',]+/gi) ?? []) {
    secrets.addUrl(url);
  }
}

async function readDesired(settings: Settings, env: NodeJS.ProcessEnv): Promise<DesiredSet> {
  const { source } = settings;
  if (source.kind === 'inputs') {
    return {
      kind: 'inputs',
      wanted: { resource: source.resource, name: undefined, desired: source.desired },
    };
  }
  // Loaded on demand, with the YAML parser: runs without a file never pay for them.
  const { readDesiredFile } = await import('./config/workspace-file.js');
  const text = await readDesiredFile(source.path, env);
  const { parseDesiredState } = await import('./config/desired-state.js');
  return { kind: 'file', state: parseDesiredState(text, source.path, env) };
}

/** Under "fail", a service nobody declared that overrides the account-wide configuration fails the run. */
function unmanagedFailures(services: RunResult['services'], settings: Settings): string[] {
  if (settings.unmanagedServices !== 'fail' || services === undefined || !services.listed)
    return [];
  const overriding = services.services.filter((s) => !s.managed && s.fires === 'service');
  return overriding.length === 0
    ? []
    : [
        `${overriding.length} service${overriding.length === 1 ? '' : 's'} not declared override the account-wide configuration (unmanaged-services: fail): ${overriding.map((s) => s.sid).join(', ')}.`,
      ];
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
