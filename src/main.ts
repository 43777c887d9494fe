// The story of a run: read inputs → desired state → fetch live → plan → apply or report → outputs.
import { explainError } from './advice.js';
import { systemClock } from './clock.js';
import type { Clock } from './clock.js';
import { INPUTS } from './contract.js';
import type { RawInputs } from './contract.js';
import { errorMessage } from './errors.js';
import { gitHubRunFromEnv } from './github-context.js';
import { planChanges } from './plan.js';
import { publishAborted, publishResult } from './publish.js';
import { accountMismatch, applyPlan, withoutUpdate } from './reconcile.js';
import type { DriftIssueOutcome, RunResult } from './result.js';
import { actionsRunner, redacting } from './runner.js';
import type { Runner } from './runner.js';
import { redactDeep, Secrets } from './secrets.js';
import { modeIfValid, parseSettings } from './settings.js';
import type { DriftIssueSettings, Settings } from './settings.js';
import { proxyFor } from './proxy.js';
import { TwilioClient } from './twilio-client.js';
import type { Dispatcher } from './undici.js';
import { USER_AGENT } from './version.js';
import type { WebhookConfig } from './webhook-config.js';

export interface Dependencies {
  /** The runner to read inputs from and report to; @actions/core's by default. */
  readonly runner?: Runner | undefined;
  readonly dispatcher?: Dispatcher | undefined;
  readonly clock?: Clock | undefined;
  /** The unit of the GitHub client's retry waits (its plugins keep their own timers). */
  readonly gitHubRetryUnitMs?: number | undefined;
}

export async function run(dependencies: Dependencies = {}): Promise<void> {
  const raw = dependencies.runner ?? actionsRunner();
  const secrets = new Secrets((secret) => {
    raw.setSecret(secret);
  });
  const runner = redacting(raw, secrets);
  const inputs = readInputs(runner);
  maskInputSecrets(inputs, secrets);

  let settings: Settings;
  try {
    const parsed = parseSettings(inputs);
    settings = parsed.settings;
    for (const warning of parsed.warnings) runner.annotate('warning', warning);
  } catch (error) {
    await publishAborted(runner, { mode: modeIfValid(inputs), failure: errorMessage(error) });
    return;
  }
  secrets.addBasicCredential(settings.credentials.username, settings.credentials.password);

  const twilio = connect(settings, dependencies, runner, secrets);
  const explain = (error: unknown) => explainError(error, settings);
  try {
    let live: WebhookConfig;
    try {
      live = await twilio.fetchConfig(settings.resource);
    } catch (error) {
      await publishAborted(runner, { mode: settings.mode, failure: explain(error) });
      return;
    }
    const wrongAccount = accountMismatch(live, settings.accountSid);
    if (wrongAccount !== undefined) {
      await publishAborted(runner, { mode: settings.mode, failure: wrongAccount });
      return;
    }

    const plan = planChanges(settings.desired, live);
    for (const warning of plan.warnings) runner.annotate('warning', warning);

    const resource = {
      fetch: () => twilio.fetchConfig(settings.resource),
      update: (update: typeof plan.update) => twilio.updateConfig(settings.resource, update),
    };
    const result = redactDeep(
      settings.mode === 'apply'
        ? await applyPlan(resource, settings, live, plan, explain)
        : withoutUpdate(settings, live, plan),
      (text) => secrets.redact(text),
    );

    const issue =
      settings.driftIssue === null
        ? undefined
        : await keepDriftIssue(result, settings, settings.driftIssue, {
            runner,
            secrets,
            dependencies,
          });
    await publishResult(runner, result, issue);
  } finally {
    await twilio.close();
  }
}

function readInputs(runner: Runner): RawInputs {
  return Object.fromEntries(INPUTS.map((name) => [name, runner.getInput(name)])) as RawInputs;
}

/** Before anything is printed: the tokens, and the credentials of the desired webhook URLs. */
function maskInputSecrets(inputs: RawInputs, secrets: Secrets): void {
  for (const name of ['auth-token', 'api-secret', 'github-token'] as const)
    secrets.add(inputs[name]);
  for (const name of ['pre-webhook-url', 'post-webhook-url'] as const) secrets.addUrl(inputs[name]);
}

function connect(
  settings: Settings,
  dependencies: Dependencies,
  runner: Runner,
  secrets: Secrets,
): TwilioClient {
  return new TwilioClient({
    baseUrl: settings.endpoint.baseUrl,
    credentials: settings.credentials,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    maxConnections: 1,
    userAgent: USER_AGENT,
    proxyUrl: proxyFor(settings.endpoint.baseUrl, runner.env),
    dispatcher: dependencies.dispatcher,
    clock: dependencies.clock,
    log: (level, message) => {
      if (level === 'info') runner.info(message);
      else runner.debug(message);
    },
    // Someone may have set a URL with a password by hand: mask it before it can be shown.
    onConfig: (config) => {
      secrets.addUrl(config.pre_webhook_url);
      secrets.addUrl(config.post_webhook_url);
    },
  });
}

/** Loaded on demand, so that runs without a drift issue never load the GitHub client. */
async function keepDriftIssue(
  result: RunResult,
  settings: Settings,
  driftIssue: DriftIssueSettings,
  {
    runner,
    secrets,
    dependencies,
  }: { runner: Runner; secrets: Secrets; dependencies: Dependencies },
): Promise<DriftIssueOutcome> {
  const gitHub = await import('./drift-issue.js');
  const run = gitHubRunFromEnv(runner.env);
  return gitHub.keepDriftIssue(result, driftIssue, {
    run,
    proxyUrl: proxyFor(run.apiUrl, runner.env),
    now: new Date((dependencies.clock ?? systemClock).now()),
    redact: (text) => secrets.redact(text),
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    retryUnitMs: dependencies.gitHubRetryUnitMs ?? 1_000,
    warn: (message) => {
      runner.annotate('warning', message);
    },
  });
}
