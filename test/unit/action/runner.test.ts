import { describe, expect, it } from 'vitest';
import {
  guarded,
  MAX_ANNOTATIONS_PER_LEVEL,
  MAX_LOG_LINE,
  neutralizeCommands,
} from '../../../src/action/runner.js';
import { REDACTED, Secrets } from '../../../src/core/secrets.js';
import { RecordingRunner } from '../../support/recording-runner.js';
import { COMMANDS } from '../fixtures.js';

/** A redacting runner over a recording one, with Secrets that register with it, as main wires them. */
function wired(...known: string[]) {
  const recording = new RecordingRunner({
    inputs: { mode: ' check ' },
    env: { GITHUB_RUN_ID: '7' },
  });
  const secrets = new Secrets((secret) => {
    recording.setSecret(secret);
  });
  for (const secret of known) secrets.add(secret);
  return { recording, secrets, runner: guarded(recording, secrets) };
}

describe('guarded', () => {
  it('redacts every text it passes on', async () => {
    const { recording, runner } = wired('s3cr3t-1');
    runner.debug('debug s3cr3t-1');
    runner.info('info s3cr3t-1');
    runner.annotate('warning', 'warning s3cr3t-1', { title: 'title s3cr3t-1' });
    runner.setOutput('diff', '["s3cr3t-1"]');
    await runner.writeSummary('summary s3cr3t-1');
    expect(recording.stdout.filter((line) => !line.startsWith('::add-mask::'))).toEqual([
      `::debug::debug ${REDACTED}`,
      `info ${REDACTED}`,
      `::warning title=title ${REDACTED}::warning ${REDACTED}`,
    ]);
    expect(recording.annotations).toEqual([
      { level: 'warning', message: `warning ${REDACTED}`, title: `title ${REDACTED}` },
    ]);
    expect(recording.outputs).toEqual({ diff: `["${REDACTED}"]` });
    expect(recording.summary).toBe(`summary ${REDACTED}`);
  });

  it('takes no secret from text: a URL in a name or an error body masks nothing', async () => {
    const { recording, runner } = wired();
    runner.info(
      'GET answered 200: {"friendly_name":"https://a:e@x.example","url":"https://u:net-pw@h"}',
    );
    runner.annotate('warning', 'https://collect.attacker.example@collect.attacker.example/x');
    await runner.writeSummary('<code>https://u:sum-pw@h.example</code>');
    expect(recording.masked).toEqual([]);
    expect(recording.annotations[0]?.message).toBe(
      'https://collect.attacker.example@collect.attacker.example/x',
    );
  });

  it('makes at most ten annotations of a level, and rolls the rest into the last one', () => {
    const { recording, runner } = wired();
    for (let i = 1; i <= 25; i++) runner.annotate('warning', `drift ${i}`);
    runner.annotate('error', 'the one error', { file: 'twilio.yml', line: 3, column: 5 });
    runner.finish();
    const warnings = recording.annotations.filter((a) => a.level === 'warning');
    expect(warnings).toHaveLength(MAX_ANNOTATIONS_PER_LEVEL);
    expect(warnings.slice(0, 9).map((a) => a.message)).toEqual(
      Array.from({ length: 9 }, (_, i) => `drift ${i + 1}`),
    );
    expect(warnings[9]?.message).toMatch(
      /^…and 16 more warnings, each in the log as a line starting with "Warning"/,
    );
    expect(recording.stdout).toContain('Warning: drift 25');
    expect(recording.annotations.filter((a) => a.level === 'error')).toEqual([
      {
        level: 'error',
        message: 'the one error',
        title: undefined,
        file: 'twilio.yml',
        line: 3,
        column: 5,
      },
    ]);
    expect(recording.stdout).toContain('::error file=twilio.yml,line=3,col=5::the one error');
  });

  it('makes the tenth annotation itself when it is the last one', () => {
    const { recording, runner } = wired();
    for (let i = 1; i <= 10; i++) runner.annotate('notice', `notice ${i}`);
    runner.finish();
    expect(recording.annotations.map((a) => a.message)).toEqual(
      Array.from({ length: 10 }, (_, i) => `notice ${i + 1}`),
    );
  });

  it('cuts a summary over 1 MiB at a line, and says so', async () => {
    const { recording, runner } = wired();
    await runner.writeSummary('✅ row\n'.repeat(200_000));
    expect(Buffer.byteLength(recording.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(recording.summary).toMatch(
      /✅ row\n\n…cut here: the summary is over GitHub’s 1 MiB for a step\.\n$/,
    );
  });

  it('neutralises workflow commands from the network in info lines', () => {
    const { recording, runner } = wired();
    runner.info(`Twilio said:${COMMANDS}\r::warning::w\n  ::set-output name=x::y`);
    expect(recording.stdout).toEqual([
      'Twilio said:',
      '> ::add-mask::x',
      '> ::error::y',
      '> ::stop-commands::z',
      '> ::warning::w',
      '>   ::set-output name=x::y',
    ]);
    expect(recording.masked).toEqual([]);
  });

  // The runner reads the legacy form "##[command]data" anywhere in a line (actions/runner,
  // ActionCommand.TryParse: message.IndexOf("##[")), and the retry message quotes Twilio's words.
  it('neutralises the legacy ##[command] form anywhere in an info line', () => {
    const { recording, runner } = wired();
    runner.info('GET failed (attempt 1 of 4): error 1: ##[stop-commands]tok Retrying in 0.5 s.');
    runner.info('##[add-mask]x');
    expect(recording.stdout.join('\n')).not.toMatch(/##\[(?:stop-commands|add-mask)\]/);
  });

  it('cuts a long log line after redaction, so that no secret is cut in two', () => {
    const secret = 'long-secret-value';
    const { recording, runner } = wired(secret);
    const text = `${'x'.repeat(MAX_LOG_LINE - 5)}${secret}${'y'.repeat(100)}`;
    runner.info(text);
    runner.debug(text);
    for (const line of recording.stdout.filter((l) => !l.startsWith('::add-mask::'))) {
      expect(line).not.toContain('long-s');
      expect(line).toContain(`${'x'.repeat(MAX_LOG_LINE - 5)}***`);
      expect(line).toMatch(/… \(\d+ more characters\)$/);
    }
  });

  it('never redacts a boolean, a status or a SID: short values are not secrets', () => {
    const { recording, runner } = wired('true', 'false', 'drifted', 'abcdef');
    const sid = `AC${'abcdef'.repeat(5)}12`;
    runner.setOutput('changed', 'true');
    runner.setOutput('resources', `[{"sid":"${sid}","status":"drifted"}]`);
    expect(recording.outputs).toEqual({
      changed: 'true',
      resources: `[{"sid":"${sid}","status":"drifted"}]`,
    });
    expect(recording.masked).toEqual([]);
  });

  it('passes inputs, the environment, masks and failure through', () => {
    const { recording, runner } = wired();
    expect(runner.getInput('mode')).toBe('check');
    expect(runner.env).toEqual({ GITHUB_RUN_ID: '7' });
    runner.setSecret('masked-directly');
    runner.fail();
    expect(recording.masked).toEqual(['masked-directly']);
    expect(recording.failed).toBe(true);
  });
});

describe('neutralizeCommands', () => {
  it.each([
    ['plain line', 'plain line'],
    ['::error::x', '> ::error::x'],
    ['  ::error::x', '>   ::error::x'],
    ['a ::error:: in the middle', 'a ::error:: in the middle'],
    ['one\r\n::two\rthree\n::four', 'one\n> ::two\nthree\n> ::four'],
    ['a ##[error]x in the middle', 'a ## [error]x in the middle'],
    ['##[add-mask]x ##[group]y', '## [add-mask]x ## [group]y'],
    ['## not a command, #[ neither', '## not a command, #[ neither'],
    ['', ''],
  ])('writes %j as %j', (text, neutral) => {
    expect(neutralizeCommands(text)).toBe(neutral);
  });
});
