// The preview server, a scripted stand-in for a webhook endpoint: what it records, and how it
// answers (the script in order, then 200 with an empty body).
import { describe, expect, it } from 'vitest';
import { FORM, failure, until } from '../support/emulator-tests.ts';
import { useServer } from '../support/servers.ts';
import { startPreviewServer } from './preview-server.ts';

// A fresh one for each test: one of them closes it.
const preview = useServer(startPreviewServer);

describe('the preview server', () => {
  it('records each request: method, path, raw query, headers, body and form', async () => {
    const before = Date.now();
    await fetch(`${preview().url}/hooks/pre?b=2&a=%20x`, {
      method: 'POST',
      headers: { 'content-type': `${FORM}; charset=utf-8`, 'x-twilio-signature': 'sig=' },
      body: 'EventType=onMessageAdd&Body=hi&Body=again',
    });
    await fetch(`${preview().url}/hooks/post`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    await fetch(`${preview().url}/`);
    const [form, jsonBody, get] = preview().requests;
    expect(form).toMatchObject({
      method: 'POST',
      path: '/hooks/pre',
      query: 'b=2&a=%20x',
      body: 'EventType=onMessageAdd&Body=hi&Body=again',
      form: { EventType: ['onMessageAdd'], Body: ['hi', 'again'] },
    });
    expect(form?.headers['x-twilio-signature']).toBe('sig=');
    expect(form?.at).toBeGreaterThanOrEqual(before);
    expect(jsonBody).toMatchObject({ path: '/hooks/post', query: '', body: '{"a":1}', form: null });
    expect(get).toMatchObject({ method: 'GET', path: '/', body: '', form: null });
  });

  it('answers from the script in order, then 200 with an empty body', async () => {
    preview().script([
      { status: 500, headers: { 'x-reason': 'scripted' }, body: 'no' },
      { body: '{"body":"changed"}', headers: { 'content-type': 'application/json' } },
    ]);
    preview().script([{ status: 403 }]);
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(preview().url);
      answers.push([response.status, response.headers.get('x-reason'), await response.text()]);
    }
    expect(answers).toEqual([
      [500, 'scripted', 'no'],
      [200, null, '{"body":"changed"}'],
      [403, null, ''],
      [200, null, ''],
    ]);
  });

  it('drops the connection for a reset, and answers late for a delay', async () => {
    preview().script(['reset', { delayMs: 60, body: 'late' }]);
    expect((await failure(fetch(preview().url))).code).toBe('UND_ERR_SOCKET'); // other side closed
    const started = Date.now();
    expect(await (await fetch(preview().url)).text()).toBe('late');
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(preview().requests).toHaveLength(2);
  });

  it('forgets its requests and the answers still queued on reset', async () => {
    preview().script([{ status: 500 }, { status: 503 }]);
    await (await fetch(preview().url)).text();
    preview().reset();
    expect(preview().requests).toEqual([]);
    expect((await fetch(preview().url)).status).toBe(200);
    expect(preview().requests).toHaveLength(1);
  });

  it('closes at once with a delayed answer pending', async () => {
    preview().script([{ delayMs: 60_000 }]);
    const pending = fetch(preview().url);
    await until(() => preview().requests.length === 1, 'the request');
    const started = Date.now();
    await preview().close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(pending).rejects.toThrow();
  });
});
