// The Twilio emulator below HTTP: its exact counts of TCP connections and of requests in flight
// (what tests of the client's keep-alive and concurrency rest on), latency, and https with a
// throwaway self-signed certificate. Requests go through undici, the client's own HTTP stack.
import { X509Certificate } from 'node:crypto';
import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, AUTH, SERVICE, failure, until, using } from '../support/emulator-tests.ts';
import { ownServer, useServer } from '../support/servers.ts';
import { startTwilioEmulator } from './twilio-emulator.ts';

const emulator = useServer(() => startTwilioEmulator());

/** A GET through `dispatcher`, its body read to the end; the status. */
async function get(
  target: { url: string },
  dispatcher: Agent,
  path = ACCOUNT,
  signal?: AbortSignal,
): Promise<number> {
  const response = await request(`${target.url}${path}`, {
    dispatcher,
    headers: { authorization: AUTH },
    ...(signal === undefined ? {} : { signal }),
  });
  await response.body.text();
  return response.statusCode;
}

/** Runs `run` with an undici Agent of its own, destroyed after. */
function withAgent(run: (agent: Agent) => Promise<void>, options: Agent.Options = {}) {
  return using(new Agent(options), (agent) => agent.destroy(), run);
}

describe('connection accounting', () => {
  it('counts one connection for sequential requests on a keep-alive connection', async () => {
    // One connection allowed: an undici pool allowed more may open a second one for a request
    // sent in the same tick as the previous answer ended, and this count would show it.
    await withAgent(
      async (agent) => {
        for (const path of [ACCOUNT, SERVICE, ACCOUNT, SERVICE, ACCOUNT]) {
          expect(await get(emulator(), agent, path)).toBe(200);
        }
      },
      { connections: 1 },
    );
    expect(emulator().requests).toHaveLength(5);
    expect(emulator().connections).toBe(1);
    expect(emulator().maxInFlight).toBe(1);
    expect(emulator().inFlight).toBe(0);
  });

  it('counts every new connection', async () => {
    for (let i = 0; i < 3; i++) {
      await withAgent(async (agent) => {
        expect(await get(emulator(), agent)).toBe(200);
      });
    }
    expect(emulator().connections).toBe(3);
  });

  it('keeps the exact high-water mark of requests in flight, whether answered or given up', async () => {
    emulator().inject({ kind: 'stall', times: 3 });
    await withAgent(async (agent) => {
      const abort = new AbortController();
      const pending = [1, 2, 3].map(() =>
        get(emulator(), agent, ACCOUNT, abort.signal).catch(() => 'aborted'),
      );
      await until(() => emulator().inFlight === 3, 'three requests in flight');
      expect(emulator().maxInFlight).toBe(3);
      expect(emulator().connections).toBe(3);
      abort.abort();
      expect(await Promise.all(pending)).toEqual(['aborted', 'aborted', 'aborted']);
      await until(() => emulator().inFlight === 0, 'the aborted requests to end');
      expect(await get(emulator(), agent)).toBe(200);
    });
    expect(emulator().maxInFlight).toBe(3);
  });

  it('starts counting afresh on reset(), from what is in flight then', async () => {
    await withAgent(async (stalling) => {
      emulator().inject({ kind: 'stall' });
      const stalled = get(emulator(), stalling).catch(() => 'closed');
      await until(() => emulator().inFlight === 1, 'the stalled request');
      emulator().reset();
      expect(emulator().connections).toBe(0);
      expect(emulator().maxInFlight).toBe(1);
      await withAgent(async (fresh) => {
        expect(await get(emulator(), fresh)).toBe(200);
      });
      expect(emulator().connections).toBe(1);
      expect(emulator().maxInFlight).toBe(2);
      await emulator().close();
      expect(await stalled).toBe('closed');
    });
  });
});

describe('latency', () => {
  it('answers every request, faults included, after the latency set at start or at runtime', async () => {
    const slow = await ownServer(startTwilioEmulator({ latencyMs: 40 }));
    await withAgent(async (agent) => {
      const timed = async (): Promise<number> => {
        const started = Date.now();
        await get(slow, agent);
        return Date.now() - started;
      };
      expect(await timed()).toBeGreaterThanOrEqual(35);
      slow.inject({ kind: 'status', status: 503 });
      expect(await timed()).toBeGreaterThanOrEqual(35);
      slow.setLatency(80);
      expect(await timed()).toBeGreaterThanOrEqual(75);
      slow.reset();
      const parallel = await Promise.all([1, 2, 3, 4].map(() => get(slow, agent)));
      expect(parallel).toEqual([200, 200, 200, 200]);
      expect(slow.maxInFlight).toBe(4); // 40 ms each: they overlap
    });
  });
});

describe('https', () => {
  it('serves https with a self-signed certificate for loopback, trusted only when given as ca', async () => {
    const secure = await ownServer(startTwilioEmulator({ tls: true }));
    expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:[1-9]\d*$/);
    const certificate = new X509Certificate(secure.certificate ?? '');
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(certificate.checkHost('localhost')).toBe('localhost');
    expect(certificate.verify(certificate.publicKey)).toBe(true); // self-signed
    await withAgent(async (agent) => {
      expect((await failure(get(secure, agent))).code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    });
    expect(secure.requests).toEqual([]);
    await withAgent(
      async (agent) => {
        expect(await get(secure, agent)).toBe(200);
      },
      { connect: { ca: secure.certificate ?? '' } },
    );
    expect(secure.requests).toHaveLength(1);
    expect(secure.connections).toBe(2);
  });

  it('has no certificate over plain http, where a client speaking https gets a protocol error', async () => {
    expect(emulator().certificate).toBeNull();
    const mistaken = { url: emulator().url.replace('http:', 'https:') };
    await withAgent(async (agent) => {
      expect((await failure(get(mistaken, agent))).code).toBe('ERR_SSL_WRONG_VERSION_NUMBER');
    });
    expect(emulator().requests).toEqual([]);
    expect(emulator().connections).toBe(1);
  });
});
