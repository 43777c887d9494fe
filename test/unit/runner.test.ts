import { describe, expect, it } from 'vitest';
import { MAX_LOG_LINE, neutralizeCommands, redacting } from '../../src/runner.js';
import type { Runner } from '../../src/runner.js';
import { REDACTED, Secrets } from '../../src/secrets.js';
import { RecordingRunner } from '../support/recording-runner.js';
import { COMMANDS } from './fixtures.js';

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
  return { recording, secrets, runner: redacting(recording, secrets) };
}

describe('redacting', () => {
  it('redacts every text it passes on', async () => {
    const { recording, runner } = wired('s3cr3t');
    runner.debug('debug s3cr3t');
    runner.info('info s3cr3t');
    runner.annotate('warning', 'warning s3cr3t', 'title s3cr3t');
    runner.setOutput('diff', '["s3cr3t"]');
    await runner.writeSummary('summary s3cr3t');
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

  it('registers the URL secrets of a text with the runner before the text is printed', () => {
    const { recording, runner } = wired();
    runner.info('GET answered 200: {"post_webhook_url":"https://hooks:net-pw@app.example/post"}');
    expect(recording.stdout).toEqual([
      '::add-mask::net-pw',
      `GET answered 200: {"post_webhook_url":"https://hooks:${REDACTED}@app.example/post"}`,
    ]);
    runner.annotate('error', 'still net-pw later');
    expect(recording.annotations[0]?.message).toBe(`still ${REDACTED} later`);
  });

  it.each<[string, (runner: Runner) => Promise<void> | undefined, string]>([
    [
      'debug',
      (runner) => {
        runner.debug('https:\\/\\/u:esc-pw@h.example');
      },
      'esc-pw',
    ],
    [
      'an annotation title',
      (runner) => {
        runner.annotate('notice', 'message', 'https://tok-as-user@h.example');
      },
      'tok-as-user',
    ],
    [
      'the summary',
      (runner) => runner.writeSummary('<code>https://u:sum-pw@h.example</code>'),
      'sum-pw',
    ],
  ])('finds URL secrets in %s too', async (_case, write, secret) => {
    const { recording, runner } = wired();
    await write(runner);
    expect(recording.masked).toEqual([secret]);
    const printed = [...recording.stdout.slice(1), recording.summary].join('\n');
    expect(printed).toContain(REDACTED);
    expect(printed).not.toContain(secret);
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

  it('never redacts a boolean or a SID output, even when a secret is "true", "false" or in a SID', () => {
    const { recording, runner } = wired('true', 'false', 'abcdef');
    const sid = `AC${'abcdef'.repeat(5)}12`;
    runner.setOutput('changed', 'true');
    runner.setOutput('drifted', 'false');
    runner.setOutput('account-sid', sid);
    runner.setOutput('diff', 'it is true');
    expect(recording.outputs).toEqual({
      changed: 'true',
      drifted: 'false',
      'account-sid': sid,
      diff: `it is ${REDACTED}`,
    });
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
