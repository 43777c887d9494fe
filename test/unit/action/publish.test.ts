import { describe, expect, it } from 'vitest';
import { publishAborted, publishExport, publishResult } from '../../../src/action/publish.js';
import { outputsFor, outputsForAborted, outputsForExport } from '../../../src/report/outputs.js';
import {
  renderAbortedSummary,
  renderExportSummary,
  renderSummary,
} from '../../../src/report/summary.js';
import { verdictLine } from '../../../src/report/verdict.js';
import { unmanagedWarnings } from '../../../src/engine/unmanaged.js';
import { runResult as resultOf } from '../../../src/engine/run-result.js';
import type { Inventory } from '../../../src/engine/inventory.js';
import type { Outcome } from '../../../src/engine/deploy.js';
import type { GitHubOutcomes, RunResult, Warning } from '../../../src/model/result.js';
import { guarded } from '../../../src/action/runner.js';
import { Secrets } from '../../../src/core/secrets.js';
import { RecordingRunner } from '../../support/recording-runner.js';
import type { RecordingOptions } from '../../support/recording-runner.js';
import {
  driftedCheck,
  listed,
  OTHER_SERVICE,
  resourceResult,
  runResult,
  service,
  settings,
  single,
} from '../fixtures.js';

const UPDATED =
  " Twilio was updated: Updated 2 fields; Twilio's answer matches the desired configuration.";
const SUMMARY_ERROR = 'Unable to find environment variable for $GITHUB_STEP_SUMMARY';
const OUTPUTS_ERROR = 'Unable to write the outputs file';
const NO_GITHUB: GitHubOutcomes = { driftIssue: undefined, prComment: undefined };
/** What the run found of the account: one service nobody declared, its own hooks set. */
const SALES = { sid: OTHER_SERVICE, friendlyName: 'Sales' };
const OVERRIDDEN: Inventory = {
  managed: [],
  others: [{ service: SALES, config: service().config ?? {} }],
  services: [SALES],
  listProblem: undefined,
  overridesWanted: true,
  otherAddresses: undefined,
  addressProblem: undefined,
};
/** The same account under unmanaged-services: ignore, which looks at no service. */
const NOT_LOOKED_AT: Inventory = { ...OVERRIDDEN, others: undefined, services: undefined };
const OUTCOME: Outcome = {
  resources: [resourceResult()],
  probed: [],
  skipped: undefined,
  failures: [],
  stopped: undefined,
};

async function published(
  result: RunResult,
  options: RecordingOptions = {},
  gitHub: Partial<GitHubOutcomes> = {},
): Promise<RecordingRunner> {
  const runner = new RecordingRunner(options);
  await publishResult(runner, result, { ...NO_GITHUB, ...gitHub });
  return runner;
}

const levelsAndTitles = (runner: RecordingRunner) =>
  runner.annotations.map(({ level, title }) => [level, title]);

describe('publishResult', () => {
  it('says the verdict, sets every output, writes the summary, and succeeds', async () => {
    const gitHub = {
      driftIssue: { action: 'opened', url: 'https://github.com/o/r/issues/7' },
      prComment: undefined,
    } as const;
    const runner = await published(single(), {}, gitHub);
    expect(runner.stdout).toEqual([verdictLine(single())]);
    expect(runner.outputs).toEqual(outputsFor(single(), gitHub));
    expect(runner.summary).toBe(renderSummary(single(), gitHub));
    expect(runner.annotations).toEqual([]);
    expect(runner.failed).toBe(false);
  });

  it('warns with each note, and with the drift of a check that does not fail on it', async () => {
    const runner = await published(driftedCheck({ notes: ['First note.', 'Second note.'] }));
    expect(levelsAndTitles(runner)).toEqual([
      ['warning', undefined],
      ['warning', undefined],
      ['warning', 'Twilio webhook drift'],
    ]);
    expect(runner.annotations.map((a) => a.message).slice(0, 2)).toEqual([
      'First note.',
      'Second note.',
    ]);
    expect(runner.annotations[2]?.message).toContain(
      'check mode changes nothing. configuration differs',
    );
    expect(runner.failed).toBe(false);
  });

  it('does not warn with the note of a skipped resource: it is the verdict', async () => {
    const runner = await published(single({ status: 'skipped', notes: ['Held elsewhere.'] }));
    expect(runner.annotations).toEqual([]);
    expect(runner.stdout).toEqual(['Held elsewhere.']);
  });

  it('warns of each service that overrides the account-wide hooks (none are looked at under ignore)', async () => {
    const result = resultOf(settings(), OVERRIDDEN, OUTCOME);
    const runner = await published(result);
    expect(runner.annotations).toEqual(
      unmanagedWarnings(result.services, undefined).map((message) => ({
        level: 'warning',
        message,
        title: 'Twilio service overrides the account-wide webhooks',
      })),
    );
    expect(runner.annotations).toHaveLength(1);
    const ignoring = settings({ 'unmanaged-services': 'ignore' });
    expect((await published(resultOf(ignoring, NOT_LOOKED_AT, OUTCOME))).annotations).toEqual([]);
  });

  it("warns with each of the result's warnings under its own title, and computes none itself", async () => {
    const warnings: Warning[] = [
      { title: 'Twilio service overrides the account-wide webhooks', message: 'First.' },
      { title: 'Twilio Address Configuration', message: 'Second.' },
    ];
    const runner = await published(single({}, { warnings }));
    expect(runner.annotations).toEqual(
      warnings.map(({ title, message }) => ({ level: 'warning', message, title })),
    );
    // A services report the run did not turn into warnings is not annotated again.
    expect((await published(single({}, { services: listed(service()) }))).annotations).toEqual([]);
  });

  const UPDATE_OR_CHECK = [
    ['an update', single(), UPDATED],
    ['a check', driftedCheck(), ''],
    [
      'a run of many that updated one',
      runResult({
        resources: [resourceResult(), resourceResult({ status: 'in-sync', changed: false })],
      }),
      ' Twilio was updated: Updated 1 of 2 resources; every answer matches the desired configuration.',
    ],
  ] as const;

  it.each(UPDATE_OR_CHECK)(
    'only warns when the summary cannot be written after %s',
    async (_case, result, updated) => {
      const runner = await published(result, { summaryFails: true });
      expect(runner.annotations.at(-1)).toEqual({
        level: 'warning',
        message: `Could not write the job summary (${SUMMARY_ERROR}); the verdict is in this log.${updated}`,
        title: undefined,
      });
      expect(runner.failed).toBe(false);
      expect(runner.outputs.changed).toBe(String(updated !== ''));
    },
  );

  it.each(UPDATE_OR_CHECK)(
    'fails when the outputs cannot be written after %s, saying whether Twilio was updated',
    async (_case, result, updated) => {
      const runner = await published(result, { outputsFail: true });
      expect(runner.annotations.filter((a) => a.level === 'error')).toEqual([
        {
          level: 'error',
          message: `Could not write the step's outputs: ${OUTPUTS_ERROR}.${updated}`,
          title: undefined,
        },
      ]);
      expect(runner.summary).toBe(renderSummary(result, NO_GITHUB));
      expect(runner.failed).toBe(true);
    },
  );

  it('gives both errors when the outputs fail in a run that failed', async () => {
    const runner = await published(driftedCheck({ failure: 'Drifted.' }), { outputsFail: true });
    expect(runner.annotations.map((a) => a.message)).toEqual([
      `Could not write the step's outputs: ${OUTPUTS_ERROR}.`,
      'Drifted.',
    ]);
    expect(runner.failed).toBe(true);
  });

  it('keeps the structure of the outputs whatever a short password is, through the guarded runner', async () => {
    const recording = new RecordingRunner();
    const secrets = new Secrets((secret) => {
      recording.setSecret(secret);
    });
    secrets.add('true');
    secrets.addUrl('https://a:e@b.example/');
    await publishResult(guarded(recording, secrets), single(), NO_GITHUB);
    expect(recording.masked).toEqual([]);
    expect(recording.outputs).toMatchObject({ changed: 'true', drifted: 'true', skipped: 'false' });
    expect(recording.outputs.resources).toContain('"status":"updated"');
    expect(recording.failed).toBe(false);
  });
});

describe('publishAborted', () => {
  const ABORTED = { mode: 'check', failure: "Input 'mode' is bad." } as const;

  it('sets the outputs of a run that changed nothing, writes its summary, and fails', async () => {
    const runner = new RecordingRunner();
    await publishAborted(runner, ABORTED);
    expect(runner.outputs).toEqual(outputsForAborted());
    expect(runner.summary).toBe(renderAbortedSummary(ABORTED));
    expect(runner.annotations).toEqual([
      { level: 'error', message: ABORTED.failure, title: undefined },
    ]);
    expect(runner.failed).toBe(true);
  });

  it('still fails with its reason when neither outputs nor summary can be written', async () => {
    const runner = new RecordingRunner({ outputsFail: true, summaryFails: true });
    await publishAborted(runner, ABORTED);
    expect(runner.annotations.map((a) => [a.level, a.message])).toEqual([
      ['error', `Could not write the step's outputs: ${OUTPUTS_ERROR}.`],
      [
        'warning',
        `Could not write the job summary (${SUMMARY_ERROR}); the verdict is in this log.`,
      ],
      ['error', ABORTED.failure],
    ]);
    expect(runner.failed).toBe(true);
  });
});

describe('publishExport', () => {
  const EXPORTED = {
    file: 'twilio/webhooks.yml',
    services: 2,
    addresses: 1,
    withCredentials: [],
  } as const;

  it('says what it wrote, sets the outputs and the summary, and succeeds', async () => {
    const runner = new RecordingRunner();
    await publishExport(runner, EXPORTED);
    expect(runner.stdout).toEqual(['Wrote twilio/webhooks.yml.']);
    expect(runner.outputs).toEqual(outputsForExport(EXPORTED));
    expect(runner.summary).toBe(renderExportSummary(EXPORTED));
    expect(runner.annotations).toEqual([]);
    expect(runner.failed).toBe(false);
  });

  it.each<[RecordingOptions, boolean, string]>([
    [
      { summaryFails: true },
      false,
      `Could not write the job summary (${SUMMARY_ERROR}); the verdict is in this log.`,
    ],
    [{ outputsFail: true }, true, `Could not write the step's outputs: ${OUTPUTS_ERROR}.`],
  ])('when %j, fails only for the outputs', async (options, failed, message) => {
    const runner = new RecordingRunner(options);
    await publishExport(runner, EXPORTED);
    expect(runner.annotations.map((a) => a.message)).toEqual([message]);
    expect(runner.failed).toBe(failed);
  });
});
