import * as core from '@actions/core';
import type { Dispatcher } from 'undici';
import { INPUTS } from './contract.js';
import type { RawInputs } from './contract.js';
import { errorMessage } from './errors.js';
import { planChanges } from './plan.js';
import { accountMismatch, applyPlan, withoutUpdate } from './reconcile.js';
import { failureOf, publishResult } from './report.js';
import { createRedactor, findSecrets } from './secrets.js';
import type { Redactor } from './secrets.js';
import { parseSettings } from './settings.js';
import type { DriftIssueSettings, Settings } from './settings.js';
import type { DriftIssueOutcome } from './drift-issue.js';
import type { RunResult } from './reconcile.js';
import { TwilioClient } from './twilio-client.js';
import type { Clock } from './twilio-client.js';
import { USER_AGENT } from './version.js';

export interface Dependencies {
  readonly dispatcher?: Dispatcher;
  readonly clock?: Clock;
}

export async function run(dependencies: Dependencies = {}): Promise<void> {
  const inputs = readInputs();
  const redact = maskSecrets(inputs);

  try {
    const settings = parseSettings(inputs);
    for (const warning of settings.warnings) core.warning(warning);

    const twilio = connect(settings, dependencies, redact);
    try {
      const live = await twilio.fetchConfig();
      const wrongAccount = accountMismatch(live, settings.accountSid);
      if (wrongAccount !== undefined) throw new Error(wrongAccount);

      const plan = planChanges(settings.desired, live);
      for (const warning of plan.warnings) core.warning(warning);

      const result =
        settings.mode === 'apply'
          ? await applyPlan(twilio, settings, live, plan)
          : withoutUpdate(settings, live, plan);

      const issue =
        settings.driftIssue === null
          ? undefined
          : await keepDriftIssue(result, settings.driftIssue);

      await publishResult(result, issue, redact);
      const failure = failureOf(result, issue);
      if (failure !== undefined) core.setFailed(redact(failure));
    } finally {
      await twilio.close();
    }
  } catch (error) {
    core.setFailed(redact(errorMessage(error)));
  }
}

/** Masks every secret before anything is printed, and returns the redaction for what we print. */
function maskSecrets(inputs: RawInputs): Redactor {
  const secrets = findSecrets(inputs);
  for (const secret of secrets) core.setSecret(secret);
  return createRedactor(secrets);
}

function connect(settings: Settings, dependencies: Dependencies, redact: Redactor): TwilioClient {
  return new TwilioClient({
    baseUrl: settings.apiBaseUrl,
    credentials: settings.credentials,
    resource: settings.resource,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    userAgent: USER_AGENT,
    log: (level, message) => {
      (level === 'info' ? core.info : core.debug)(redact(message));
    },
    ...dependencies,
  });
}

/** Loaded on demand, so that runs without a drift issue never load the GitHub client. */
async function keepDriftIssue(
  result: RunResult,
  settings: DriftIssueSettings,
): Promise<DriftIssueOutcome> {
  const github = await import('./drift-issue.js');
  return github.keepDriftIssue(result, settings, github.gitHubRunFromEnv(process.env));
}

function readInputs(): RawInputs {
  return Object.fromEntries(INPUTS.map((name) => [name, core.getInput(name)])) as RawInputs;
}
