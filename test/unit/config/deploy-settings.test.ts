// The deploy's safe switches, as parseSettings reads them from the inputs, and only-if-live as
// readOnlyIfLive reads it before any request.
import { describe, expect, it } from 'vitest';
import { readOnlyIfLive } from '../../../src/config/deploy-settings.js';
import { InputError } from '../../../src/config/input-parsers.js';
import type { DesiredConfig } from '../../../src/model/fields.js';
import { expectInputError, parse, settings } from '../fixtures.js';
import type { Overrides } from '../fixtures.js';

const deploy = (overrides: Overrides) => settings(overrides).deploy;

/** The InputError readOnlyIfLive refuses `text` with, which must hold `problem` after the name. */
async function refusesOnlyIfLive(text: string, problem: string): Promise<InputError> {
  const error: unknown = await readOnlyIfLive(text).then(
    () => new Error(`accepted ${JSON.stringify(text)}`),
    (refusal: unknown) => refusal,
  );
  expect(error).toBeInstanceOf(InputError);
  expect(error).toMatchObject({ input: 'only-if-live' });
  expect((error as InputError).message).toContain(`Input 'only-if-live' ${problem}`);
  return error as InputError;
}

const FIELDS_LIST = 'Fields: filters, method, pre-webhook-url, post-webhook-url, target.';

describe('parseSettings: probe, probe-timeout-seconds and probe-url', () => {
  it.each([
    ['auto', true],
    ['AUTO', true],
    ['off', false],
    ['Off', false],
  ])('reads probe %j as %s', (value, probe) => {
    expect(deploy({ probe: value }).probe).toBe(probe);
  });

  it('refuses a probe that is neither auto nor off', () => {
    expectInputError({ probe: 'on' }, 'probe', 'is "on": must be auto or off.');
  });

  it.each([
    ['0', 0],
    ['2.5', 2_500],
    ['600', 600_000],
  ])('reads probe-timeout-seconds %j as %d ms', (value, ms) => {
    expect(deploy({ 'probe-timeout-seconds': value }).probeTimeoutMs).toBe(ms);
  });

  it.each(['600.001', '-1', 'soon', ''])('refuses probe-timeout-seconds %j', (value) => {
    expectInputError(
      { 'probe-timeout-seconds': value },
      'probe-timeout-seconds',
      `is ${JSON.stringify(value)}: must be a number of seconds from 0 to 600, with at most three decimals.`,
    );
  });

  it('keeps a probe-url as written, and none when empty', () => {
    const url = 'https://pr-42.example.com/health?token=a%2Fb';
    expect(deploy({ 'probe-url': url }).probeUrl).toBe(url);
    expect(deploy({}).probeUrl).toBeUndefined();
  });

  it.each([
    ['ftp://ops:pw@status.example.com', 'ftp://***@status.example.com', 'its scheme is ftp'],
    ['https:/ops:pw@status.example.com', 'https:/***@status.example.com', 'it does not start'],
    ['https://status.example.com/a b', 'https://status.example.com/a b', 'it contains whitespace'],
    ['/health', '/health', 'it is not an absolute URL'],
  ])('refuses probe-url %j, quoting it as %j', (value, shown, problem) => {
    const error = expectInputError(
      { 'probe-url': value },
      'probe-url',
      `is ${JSON.stringify(shown)}: ${problem}`,
      '. Give the absolute http(s) URL of a health endpoint.',
    );
    expect(error.message).not.toContain(':pw');
  });

  it('warns that a probe-url with probe off probes nothing, and keeps it', () => {
    const parsed = parse({ probe: 'off', 'probe-url': 'https://status.example.com/' });
    expect(parsed.warnings).toEqual(['probe-url is set but probe is off: nothing is probed.']);
    expect(parsed.settings.deploy).toMatchObject({
      probe: false,
      probeUrl: 'https://status.example.com/',
    });
  });
});

describe('parseSettings: deploy inputs outside apply mode', () => {
  const EXPORT: Overrides = { mode: 'export', 'config-file': 'out.yml', 'post-webhook-url': '' };

  it.each<[Overrides, string]>([
    [{ 'only-if-live': 'method: GET' }, 'only-if-live only matters'],
    [{ 'probe-url': 'https://a.example/health' }, 'probe-url only matters'],
    [{ 'allow-target-change': 'true' }, 'allow-target-change only matters'],
    [
      { 'only-if-live': 'method: GET', 'probe-url': 'https://a.example/health' },
      'only-if-live and probe-url only matter',
    ],
    [
      {
        'only-if-live': 'method: GET',
        'probe-url': 'https://a.example/health',
        'allow-target-change': 'TRUE',
      },
      'only-if-live and probe-url and allow-target-change only matter',
    ],
  ])('warns in check mode that %j is for apply mode', (overrides, which) => {
    expect(parse({ mode: 'check', ...overrides }).warnings).toEqual([
      `${which} in apply mode: nothing is written in this mode.`,
    ]);
  });

  it('warns in export mode too', () => {
    expect(parse({ ...EXPORT, 'allow-target-change': 'true' }).warnings).toEqual([
      'allow-target-change only matters in apply mode: nothing is written in this mode.',
    ]);
  });

  it('says nothing of allow-target-change written "False" in check mode', () => {
    expect(parse({ mode: 'check', 'allow-target-change': 'False' }).warnings).toEqual([]);
  });

  it.each<Overrides>([
    { mode: 'check', 'allow-target-change': 'false', probe: 'off', rollback: 'false' },
    { mode: 'apply', 'only-if-live': 'method: GET', 'allow-target-change': 'true' },
  ])('says nothing of the defaults, or in apply mode (%j)', (overrides) => {
    expect(parse(overrides).warnings).toEqual([]);
  });
});

describe('parseSettings: rollback and allow-target-change', () => {
  it.each([
    ['rollback', 'false', { rollback: false, allowTargetChange: false }],
    ['allow-target-change', 'TRUE', { rollback: true, allowTargetChange: true }],
  ] as const)('reads %s %j', (input, value, expected) => {
    expect(deploy({ [input]: value })).toMatchObject(expected);
  });

  it.each(['rollback', 'allow-target-change'] as const)('refuses %s "maybe"', (input) => {
    expectInputError({ [input]: 'maybe' }, input, 'is "maybe": must be true or false.');
  });
});

describe('only-if-live', () => {
  it('is kept as written by parseSettings, and unset when empty', () => {
    const text = 'post-webhook-url: https://pr-42.example.com/twilio';
    expect(deploy({ 'only-if-live': text }).onlyIfLive).toBe(text);
    expect(deploy({}).onlyIfLive).toBeUndefined();
  });

  it.each<[string, DesiredConfig]>([
    [
      'post-webhook-url: https://pr-42.example.com/twilio',
      { post_webhook_url: 'https://pr-42.example.com/twilio' },
    ],
    [
      'filters: [onMessageAdded, onMessageAdd]\nmethod: get\ntarget: FLEX\npre-webhook-url: none',
      {
        filters: ['onMessageAdded', 'onMessageAdd'],
        method: 'GET',
        target: 'flex',
        pre_webhook_url: null,
      },
    ],
    ['filters: onMessageAdded, onMessageAdd', { filters: ['onMessageAdded', 'onMessageAdd'] }],
    ['{"filters": "none", "post-webhook-url": "NONE"}', { filters: [], post_webhook_url: null }],
  ])('reads %j as the values the live fields must have', async (text, expected) => {
    expect(await readOnlyIfLive(text)).toEqual(expected);
  });

  it.each([
    ['just text', 'a string'],
    ['- post-webhook-url: https://a.example', 'a list'],
    ['42', 'a number'],
  ])('refuses %j (%s): not a mapping', async (text) => {
    await refusesOnlyIfLive(
      text,
      'must be a YAML mapping of field names to values, such as "post-webhook-url: https://pr-42.example.com/twilio".',
    );
  });

  it.each([
    ['method: [GET', 'Flow sequence in block collection'],
    ['method: GET\nmethod: POST', 'Map keys must be unique'],
    ['a: b: c', 'Nested mappings are not allowed in compact mappings'],
  ])('refuses %j, which is not YAML, with the parser’s first line', async (text, problem) => {
    const error = await refusesOnlyIfLive(text, `is not YAML: ${problem}`);
    expect(error.message).not.toContain('\n');
  });

  it('ends the not-YAML error as a sentence', async () => {
    expect((await refusesOnlyIfLive('method: [GET', 'is not YAML')).message).not.toMatch(/:$/);
  });

  it('bounds the parser’s words in the not-YAML error', async () => {
    const error = await refusesOnlyIfLive(
      `>   (${' '.repeat(3_000)}x`,
      'is not YAML: Not a YAML token',
    );
    expect(error.message.length).toBeLessThan(1_000);
  });

  it.each([
    ['post-webhook: x', 'post-webhook', ' Did you mean post-webhook-url?'],
    ['post_webhook_url: x', 'post_webhook_url', ' Did you mean post-webhook-url?'],
    ['colour: red', 'colour', ''],
  ])('refuses %j, naming the key that is not a field', async (text, key, hint) => {
    await refusesOnlyIfLive(
      text,
      `has the key "${key}", which is not a field.${hint} ${FIELDS_LIST}`,
    );
  });

  it.each([
    ['method: 5', 'method', '"5"'],
    ['method:', 'method', '"null"'],
    ['target: {a: 1}', 'target', '"{\\"a\\":1}"'],
  ])('refuses %j: a value that is not text', async (text, field, shown) => {
    await refusesOnlyIfLive(text, `has ${field} ${shown}: give it as text.`);
  });

  it.each([
    ['method: PUT', 'method that is "PUT": must be GET or POST.'],
    ['target: studio', 'target that is "studio": must be webhook or flex.'],
    [
      'filters: onMesageAdded',
      'filters that has "onMesageAdded", which is not a Conversations event. Did you mean onMessageAdded?',
    ],
    [
      'post-webhook-url: ftp://ops:pw@a.example',
      'post-webhook-url that is "ftp://***@a.example": its scheme is ftp',
    ],
  ])('refuses %j, with the field’s own words', async (text, problem) => {
    await refusesOnlyIfLive(text, `has ${problem}`);
  });

  it('reads an empty YAML list of filters as no filters', async () => {
    expect(await readOnlyIfLive('filters: []')).toEqual({ filters: [] });
  });

  it('refuses a mapping that names no field', async () => {
    await refusesOnlyIfLive(
      '{}',
      'names no field: leave it empty, or give the values the live fields must have.',
    );
  });

  it('refuses only-if-live with a desired-state file: it guards the one resource of the inputs', () => {
    expectInputError(
      {
        'post-webhook-url': '',
        'config-file': 'webhooks.yml',
        'only-if-live': 'post-webhook-url: https://a.example',
      },
      'only-if-live',
      'is set together with config-file: it guards the one resource the inputs describe.',
    );
  });
});
