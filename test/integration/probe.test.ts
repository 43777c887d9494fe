// The probe over real HTTP on loopback, against the preview server (a scripted stand-in for the
// endpoint a webhook is about to point at): what the endpoint receives, which answers pass, and
// the retries until the probe's time is up. Backoff waits go through a recording clock (recorded,
// not waited); the only real waits are the two stalls, 200 ms and 150 ms.
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_EVENTS } from '../../src/model/events.js';
import { probe } from '../../src/twilio/probe.js';
import type { ProbeOptions, ProbeTarget } from '../../src/twilio/probe.js';
import { Agent } from '../../src/http/undici.js';
import { startPreviewServer } from '../emulator/preview-server.js';
import type { PreviewAnswer, PreviewRequest } from '../emulator/preview-server.js';
import { recordingClock } from '../support/clock.js';
import { usePreviewServer } from '../support/servers.js';

const TOKEN = 'primary-auth-token';
const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
/** What the probe sends as EventType and Source (docs/probe.md): no Conversations event. */
const EVENT_TYPE = 'onWebhookProbe';
const SOURCE = 'twilio-conversations-webhooks-action';

const preview = usePreviewServer();
let agent: Agent;

beforeEach(() => {
  agent = new Agent();
});

afterEach(async () => {
  await agent.close();
});

/** `answerWithinMs: 'default'` leaves it out, for the probe's own default. */
type Overrides = Partial<Omit<ProbeOptions, 'answerWithinMs'>> & {
  readonly answerWithinMs?: number | 'default';
};

function probing(overrides: Overrides = {}) {
  const clock = recordingClock();
  const logs: string[] = [];
  const { answerWithinMs = 2_000, ...rest } = overrides;
  const options: ProbeOptions = {
    dispatcher: agent,
    clock,
    timeoutMs: 60_000,
    authToken: TOKEN,
    accountSid: ACCOUNT_SID,
    userAgent: 'test-action/1.0',
    log: (message) => logs.push(message),
    ...rest,
    ...(answerWithinMs === 'default' ? {} : { answerWithinMs }),
  };
  return { options, clock, logs };
}

function target(overrides: Partial<ProbeTarget> = {}): ProbeTarget {
  return { url: `${preview().url}/hooks/pre`, kind: 'pre', method: 'POST', ...overrides };
}

/** One attempt (timeoutMs 0: no retry) answered with `answer`. */
async function probeOnce(answer: PreviewAnswer, kind: ProbeTarget['kind'] = 'pre') {
  preview().script([answer]);
  const { options } = probing({ timeoutMs: 0 });
  return probe(target({ kind }), options);
}

/** Verifies an X-Twilio-Signature as a handler would: URL, then each sorted name with its values. */
function signatureVerifies(url: string, form: Record<string, string[]>, header: unknown): boolean {
  let data = url;
  for (const name of Object.keys(form).sort())
    data += (form[name] ?? []).map((v) => name + v).join('');
  return header === createHmac('sha1', TOKEN).update(data, 'utf8').digest('base64');
}

function received(index = 0): PreviewRequest {
  const request = preview().requests[index];
  if (request === undefined) throw new Error(`the preview server got no request ${index + 1}`);
  return request;
}

describe('what the endpoint receives', () => {
  it('a POST like Twilio’s: form parameters, signed over the exact URL with its query', async () => {
    const configured = `${preview().url}/hooks/pre?x-vercel-protection-bypass=abc&a=1`;
    const { options, logs } = probing();
    const result = await probe(target({ url: `${configured}#rc=2` }), options);
    expect(result).toMatchObject({ passed: true, attempts: 1, lastStatus: 200 });
    const request = received();
    expect(request).toMatchObject({
      method: 'POST',
      path: '/hooks/pre',
      query: 'x-vercel-protection-bypass=abc&a=1',
    });
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers['user-agent']).toBe('TwilioProxy/1.1 (webhook probe; test-action/1.0)');
    expect(request.headers.authorization).toBeUndefined();
    expect(Object.keys(request.form ?? {}).sort()).toEqual([
      'AccountSid',
      'EventType',
      'ProbeId',
      'Source',
    ]);
    expect(request.form).toMatchObject({
      EventType: [EVENT_TYPE],
      AccountSid: [ACCOUNT_SID],
      Source: [SOURCE],
    });
    expect(request.form?.ProbeId?.[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    expect(ALL_EVENTS).not.toContain(EVENT_TYPE);
    // The handler's view: the URL rebuilt from the request line is the configured one, less the
    // fragment, and the signature verifies over it and the form.
    const rebuilt = `${preview().url}${request.path}?${request.query}`;
    expect(rebuilt).toBe(configured);
    expect(
      signatureVerifies(rebuilt, request.form ?? {}, request.headers['x-twilio-signature']),
    ).toBe(true);
    expect(
      signatureVerifies(
        `${configured}#rc=2`,
        request.form ?? {},
        request.headers['x-twilio-signature'],
      ),
    ).toBe(false);
    // The bypass token is a secret: no log line shows the query.
    expect(logs).toHaveLength(1);
    expect(logs.join('\n')).not.toContain('abc');
    expect(logs[0]).toContain(
      `${preview().url}/hooks/pre?x-vercel-protection-bypass=***&a=***#rc=2`,
    );
  });

  it('a GET with the parameters after the URL’s own query, signed over the URL alone', async () => {
    const { options } = probing();
    const url = `${preview().url}/hooks/post?a=1`;
    await probe(target({ url, kind: 'post', method: 'GET' }), options);
    const request = received();
    expect(request).toMatchObject({ method: 'GET', path: '/hooks/post', body: '', form: null });
    expect(request.headers['content-type']).toBeUndefined();
    const query = new URLSearchParams(request.query);
    expect([...query.keys()]).toEqual(['a', 'EventType', 'AccountSid', 'Source', 'ProbeId']);
    expect(query.get('EventType')).toBe(EVENT_TYPE);
    expect(query.get('AccountSid')).toBe(ACCOUNT_SID);
    const rebuilt = `${preview().url}${request.path}?${request.query}`;
    expect(rebuilt.startsWith(`${url}&EventType=`)).toBe(true);
    expect(signatureVerifies(rebuilt, {}, request.headers['x-twilio-signature'])).toBe(true);
  });

  it('no signature header without an Auth Token (an API key cannot sign)', async () => {
    for (const authToken of [undefined, '']) {
      const { options } = probing({ authToken });
      expect((await probe(target(), options)).passed).toBe(true);
    }
    expect(preview().requests).toHaveLength(2);
    for (const request of preview().requests) {
      expect(request.headers['x-twilio-signature']).toBeUndefined();
    }
  });

  it('the URL’s user info as Basic credentials, which no log line shows', async () => {
    const url = preview().url.replace('http://', 'http://hook-user:p%40ss@') + '/hooks/pre';
    const { options, logs } = probing();
    await probe(target({ url }), options);
    const request = received();
    expect(request.headers.authorization).toBe(
      `Basic ${Buffer.from('hook-user:p@ss').toString('base64')}`,
    );
    // Signed over the URL as configured, user info included.
    expect(signatureVerifies(url, request.form ?? {}, request.headers['x-twilio-signature'])).toBe(
      true,
    );
    expect(logs.join('\n')).not.toMatch(/hook-user|p%40ss/);
  });

  it('the same request on every attempt: one ProbeId, one signature', async () => {
    preview().script([{ status: 503 }, { status: 503 }]);
    const { options } = probing();
    expect((await probe(target(), options)).attempts).toBe(3);
    const ids = preview().requests.map((request) => request.form?.ProbeId?.[0]);
    const signatures = preview().requests.map((request) => request.headers['x-twilio-signature']);
    expect(new Set(ids).size).toBe(1);
    expect(new Set(signatures).size).toBe(1);
  });
});

describe('which answers pass', () => {
  it.each([200, 204, 400, 405, 409, 422])('a hook answering %i passes', async (status) => {
    const result = await probeOnce({ status });
    expect(result).toMatchObject({ passed: true, attempts: 1, lastStatus: status });
    expect(result.lastProblem).toBeUndefined();
  });

  it.each([
    [301, /redirect.*does not follow redirects/],
    [302, /redirect/],
    [401, /deployment protection/],
    [403, /deployment protection/],
    [404, /nothing is served at this path/],
    [407, /proxy/],
    [408, /gave up waiting/],
    [429, /rate/],
    [500, /failed, or is not up yet/],
    [503, /failed, or is not up yet/],
  ])('a hook answering %i fails', async (status, problem) => {
    const result = await probeOnce({ status });
    expect(result).toMatchObject({ passed: false, attempts: 1, lastStatus: status });
    expect(result.lastProblem).toMatch(problem);
    expect(result.lastProblem).toContain(`Answered ${status}`);
  });

  it('a 401 says what a deployment-protection bypass is, and that the URL’s query gets through', async () => {
    const page = '<html><head><title>Authentication Required</title></head><body>…</body></html>';
    const result = await probeOnce({
      status: 401,
      body: page,
      headers: { 'content-type': 'text/html' },
    });
    const problem = result.lastProblem ?? '';
    expect(problem).toMatch(/deployment-protection bypass, a secret the platform gives you/);
    expect(problem).toMatch(
      /query parameter or a header \(Vercel’s is x-vercel-protection-bypass\)/,
    );
    expect(problem).toMatch(/query parameters are kept and signed/);
    expect(problem).toMatch(/refused its X-Twilio-Signature, made with the Auth Token given/);
    expect(problem).toContain('an HTML page titled "Authentication Required"');
  });

  it('a 403 to an unsigned probe says the probe could not sign', async () => {
    preview().script([{ status: 403 }]);
    const { options } = probing({ timeoutMs: 0, authToken: undefined });
    const result = await probe(target(), options);
    expect(result.lastProblem).toMatch(/only the Auth Token signs, and none was given/);
  });

  it('a redirect names where it leads, without that URL’s query', async () => {
    const location = 'https://elsewhere.example/hooks/pre?token=s3cret';
    const result = await probeOnce({ status: 307, headers: { location } });
    expect(result.lastProblem).toContain(
      'a redirect to https://elsewhere.example/hooks/pre?token=***;',
    );
    expect(result.lastProblem).not.toContain('s3cret');
  });

  it('a health check passes on 2xx only', async () => {
    expect(await probeOnce({ status: 204 }, 'health')).toMatchObject({ passed: true });
    for (const status of [400, 405, 302]) {
      const result = await probeOnce({ status }, 'health');
      expect(result).toMatchObject({ passed: false, lastStatus: status });
    }
    expect((await probeOnce({ status: 400 }, 'health')).lastProblem).toMatch(/2xx only/);
  });

  it('reads no more of a body than a few KiB', async () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    expect(await probeOnce({ status: 200, body: huge })).toMatchObject({ passed: true });
    const failed = await probeOnce({ status: 503, body: huge });
    expect(failed.passed).toBe(false);
    // The probe reads 4 KiB of a body at most.
    expect(failed.lastProblem?.length).toBeLessThan(4 * 1024);
    expect(failed.lastProblem).toMatch(/It said: "x{120}…"/);
  });
});

describe('what fails without an answer', () => {
  it('no answer within answerWithinMs', async () => {
    preview().script([{ delayMs: 5_000 }]);
    const { options } = probing({ timeoutMs: 200, answerWithinMs: 200 });
    const started = Date.now();
    const result = await probe(target(), options);
    const took = Date.now() - started;
    expect(result).toMatchObject({ passed: false, attempts: 1, lastStatus: null });
    expect(result.lastProblem).toMatch(/^No complete answer within 0\.2 s\. Twilio waits 5 s/);
    expect(took).toBeGreaterThanOrEqual(150);
    expect(took).toBeLessThan(2_000);
  });

  it('no attempt runs past the probe’s own deadline', async () => {
    preview().script([{ delayMs: 5_000 }]);
    const { options } = probing({ timeoutMs: 150, answerWithinMs: 'default' });
    const started = Date.now();
    const result = await probe(target({ kind: 'post' }), options);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.lastProblem).toBe('No complete answer within 0.15 s.');
  });

  it('a closed port, on every attempt until the time is up', async () => {
    const gone = await startPreviewServer();
    await gone.close();
    const url = `${gone.url}/hooks/pre`;
    const { options, clock, logs } = probing({ timeoutMs: 2_000 });
    const result = await probe(target({ url }), options);
    expect(result).toMatchObject({ passed: false, lastStatus: null, attempts: 4 });
    expect(result.lastProblem).toMatch(
      /^The connection was refused \(ECONNREFUSED\): nothing listens/,
    );
    expect(clock.sleeps).toEqual([375, 750, 625]);
    expect(logs).toHaveLength(4);
  });

  it('a TLS handshake with a server that does not speak https', async () => {
    const url = preview().url.replace('http://', 'https://');
    const { options } = probing({ timeoutMs: 0 });
    const result = await probe(target({ url }), options);
    expect(result).toMatchObject({ passed: false, lastStatus: null });
    expect(result.lastProblem).toMatch(/^The TLS handshake failed \(ERR_SSL_\w+\): /);
  });

  it('a dropped connection is tried again', async () => {
    preview().script(['reset']);
    const { options, logs } = probing();
    const result = await probe(target(), options);
    expect(result).toMatchObject({ passed: true, attempts: 2, lastStatus: 200 });
    expect(logs[0]).toMatch(/attempt 1: The connection failed: .*Trying again in 0\.38 s\.$/);
  });
});

describe('retries until the probe’s time is up', () => {
  it('503 twice, then 200: passes on the third attempt, backoff waits recorded', async () => {
    preview().script([{ status: 503 }, { status: 503 }]);
    const { options, clock, logs } = probing();
    const result = await probe(target(), options);
    // Backoff of 0.5 s doubling per attempt, equal jitter at its middle (the clock's random() is
    // 0.5): three quarters of 500 ms, then of 1 s.
    expect(clock.sleeps).toEqual([375, 750]);
    expect(result).toEqual({
      url: `${preview().url}/hooks/pre`,
      passed: true,
      attempts: 3,
      lastStatus: 200,
      lastProblem: undefined,
      elapsedMs: 1_125,
    });
    expect(logs).toHaveLength(3);
    expect(logs[0]).toMatch(
      /^Probe of the pre-event hook at .*, attempt 1: Answered 503: .*Trying again in/,
    );
    expect(logs[2]).toMatch(/attempt 3: Answered 200: passed\.$/);
  });

  it('never passing: gives up within timeoutMs with the attempts and the last answer', async () => {
    preview().script(Array.from({ length: 20 }, () => ({ status: 503, body: 'still building' })));
    const { options, clock, logs } = probing({ timeoutMs: 5_000 });
    const result = await probe(target(), options);
    // 375, 750 and 1500 ms of backoff; the fourth wait (3 s) is cut short to leave the last
    // attempt the quarter second that remains.
    expect(clock.sleeps).toEqual([375, 750, 1500, 2125]);
    expect(result).toMatchObject({ passed: false, attempts: 5, lastStatus: 503, elapsedMs: 4750 });
    expect(result.lastProblem).toBe(
      'Answered 503: the endpoint failed, or is not up yet. It said: "still building"',
    );
    expect(preview().requests).toHaveLength(5);
    expect(logs).toHaveLength(5);
    expect(logs[4]).toMatch(/Giving up: the probe’s 5 s leave no time for another attempt\.$/);
  });

  it('waits as long as a Retry-After asks, within the probe’s time', async () => {
    preview().script([{ status: 429, headers: { 'retry-after': '3' } }]);
    const { options, clock } = probing({ timeoutMs: 10_000 });
    expect(await probe(target(), options)).toMatchObject({ passed: true, attempts: 2 });
    expect(clock.sleeps).toEqual([3_000]);
  });
});
