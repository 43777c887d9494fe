// The Twilio emulator as a hostile upstream: bodies too large to hold, crafted HTML, error messages
// carrying workflow commands, and updates that take effect while their answer is lost.
import { describe, expect, it } from 'vitest';
import { ACCOUNT, caller, json, until } from '../support/emulator-tests.ts';
import { useServer } from '../support/servers.ts';
import { startTwilioEmulator, twilioErrorBody } from './twilio-emulator.ts';

const emulator = useServer(() => startTwilioEmulator());
const call = caller(emulator);
const MiB = 1024 * 1024;

describe('huge bodies', () => {
  it('streams 50 MiB as the client reads, and stops when the client goes away', async () => {
    emulator().inject({ kind: 'huge-body', bytes: 50 * MiB });
    const response = await call(ACCOUNT);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(50 * MiB));
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(Buffer.from(first?.value ?? []).toString('utf8')).toMatch(/^\{"padding":"x+$/);
    await reader?.cancel();
    await until(() => emulator().inFlight === 0, 'the emulator to stop streaming');
  });

  it.each([
    ['200 with a content-length', 200, true, 300_000, /^\{"padding":"x{299986}"\}$/],
    ['503, chunked', 503, false, 300_000, /^\{"padding":"x{299986}"\}$/],
    ['a few bytes', 200, true, 5, /^xxxxx$/],
  ])(
    'sends exactly the bytes asked for: %s',
    async (_name, status, contentLength, bytes, shape) => {
      emulator().inject({ kind: 'huge-body', bytes, status, contentLength });
      const response = await call(ACCOUNT);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('content-length')).toBe(contentLength ? String(bytes) : null);
      expect(response.headers.get('transfer-encoding')).toBe(contentLength ? null : 'chunked');
      const text = await response.text();
      expect(text).toHaveLength(bytes);
      expect(text).toMatch(shape);
    },
  );
});

describe('crafted bodies', () => {
  it('serves a crafted HTML page as is', async () => {
    const page = `<html><head>${'<title'.repeat(300_000)}</head></html>`;
    emulator().inject({ kind: 'html', status: 502, body: page });
    const response = await call(ACCOUNT);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('content-length')).toBe(String(page.length));
    expect(await response.text()).toBe(page);
  });

  const commands = 'Bad\n::add-mask::x\n::error::pwned\n::stop-commands::tok\nend';

  it('carries workflow commands in a Twilio error message, byte for byte', async () => {
    emulator().inject({ kind: 'status', status: 400, body: twilioErrorBody(400, 20001, commands) });
    const response = await call(ACCOUNT);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 20001,
      message: commands,
      more_info: 'https://www.twilio.com/docs/errors/20001',
      status: 400,
    });
  });

  it('carries workflow commands in a plain-text body, with its newlines', async () => {
    emulator().inject({ kind: 'status', status: 502, body: commands });
    const response = await call(ACCOUNT);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe(commands);
  });
});

describe('lost answers', () => {
  it.each<['reset' | 'stall' | 'malformed', string]>([
    ['reset', 'the connection drops'],
    ['stall', 'no answer comes'],
    ['malformed', 'the answer is not JSON'],
  ])('stores the update, then %s: %s; a re-fetch shows it', async (how) => {
    emulator().inject({ kind: 'lose-answer', how });
    const answer = call(ACCOUNT, {
      body: 'Method=GET&Filters=onMessageAdded',
      signal: AbortSignal.timeout(100),
    }).then(
      async (response) => ({ status: response.status, text: await response.text() }),
      () => 'no answer',
    );
    if (how === 'malformed') {
      const { status, text } = (await answer) as { status: number; text: string };
      expect(status).toBe(200);
      expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    } else {
      expect(await answer).toBe('no answer');
    }
    expect(await json(await call(ACCOUNT))).toMatchObject({
      method: 'GET',
      filters: ['onMessageAdded'],
    });
  });

  it('waits for a POST, past GETs, and answers a refused update as usual', async () => {
    emulator().inject({ kind: 'lose-answer', how: 'reset' });
    expect((await call(ACCOUNT)).status).toBe(200);
    const refused = await call(ACCOUNT, { body: 'Method=PUT' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 50055 });
    expect(emulator().accountConfig().method).toBeNull();
    expect((await call(ACCOUNT, { body: 'Method=POST' })).status).toBe(200);
  });
});
