// One exchange over real HTTP on loopback: bodies read up to their bound and never past it, and
// each way of getting no answer told apart.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpFailure, networkFailure } from '../../../src/http/failure.js';
import { createPool, exchange, parseJson } from '../../../src/http/transport.js';
import type { Exchange } from '../../../src/http/transport.js';

const pool = createPool({ connections: 2, connectTimeoutMs: 1_000 });
let base = '';
const server = createServer((request, response) => {
  const path = request.url ?? '';
  if (path === '/stall') return; // never answers
  const bytes = Number(/\/bytes\/(\d+)/.exec(path)?.[1] ?? 2);
  // Without a content-length, the body is streamed: the bound is found while reading.
  if (path.startsWith('/streamed')) response.writeHead(200);
  else response.writeHead(200, { 'content-length': bytes });
  response.end('x'.repeat(bytes));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  await pool.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function get(path: string, overrides: Partial<Exchange> = {}) {
  return exchange(pool, {
    url: `${base}${path}`,
    method: 'GET',
    headers: {},
    body: null,
    timeoutMs: 2_000,
    maxBodyBytes: 1_024,
    whenLonger: 'refuse',
    ...overrides,
  });
}

describe('exchange', () => {
  it('reads a body up to the bound', async () => {
    const answer = await get('/bytes/1024');
    expect([answer.status, answer.text.length]).toEqual([200, 1_024]);
  });

  it.each(['/bytes/5000', '/streamed/bytes/50000'])(
    'refuses a body past the bound (%s)',
    async (path) => {
      const refused = get(path);
      await expect(refused).rejects.toMatchObject({ kind: 'too-large' });
      await expect(refused).rejects.toThrow('the answer is over 1 KiB; it was not read');
    },
  );

  it('or keeps its start', async () => {
    expect((await get('/streamed/bytes/50000', { whenLonger: 'truncate' })).text).toBe(
      'x'.repeat(1_024),
    );
  });

  it('tells a timeout from the caller’s cancellation', async () => {
    const late = get('/stall', { timeoutMs: 50 });
    await expect(late).rejects.toMatchObject({ kind: 'timeout' });
    await expect(late).rejects.toThrow('no complete answer within 0.05 s');
    const stop = new AbortController();
    const cut = get('/stall', { signal: stop.signal });
    setTimeout(() => {
      stop.abort();
    }, 20);
    await expect(cut).rejects.toBeInstanceOf(HttpFailure);
    await expect(cut).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('tells a refused connection by its code', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const refused = get('/', { url: `http://127.0.0.1:${String(port)}/` });
    await expect(refused).rejects.toMatchObject({ kind: 'refused', code: 'ECONNREFUSED' });
    await expect(refused).rejects.toThrow(/ECONNREFUSED.* \(ECONNREFUSED\)$/);
  });
});

describe('networkFailure', () => {
  const coded = (message: string, code: string, cause?: unknown): Error =>
    Object.assign(new Error(message, { cause }), { code });

  it.each([
    ['ENOTFOUND', 'dns'],
    ['ECONNREFUSED', 'refused'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['EPROTO', 'tls'],
    ['ECONNRESET', 'connection'],
    // A resolver that says "try again" is a passing failure, like a reset, not a name that is missing.
    ['EAI_AGAIN', 'connection'],
  ])('sorts %s as %s', (code, kind) => {
    expect(networkFailure(coded('failed', code))).toMatchObject({ kind, code });
  });

  it('prefers the system’s code under undici’s own, and says every message', () => {
    const error = coded(
      'other side closed',
      'UND_ERR_SOCKET',
      coded('read ECONNRESET', 'ECONNRESET'),
    );
    expect(networkFailure(error)).toMatchObject({
      kind: 'connection',
      code: 'ECONNRESET',
      message: 'other side closed: read ECONNRESET (ECONNRESET)',
    });
  });

  it('leaves an error that is no network’s to the caller', () => {
    expect(networkFailure(new TypeError('a bug'))).toBeUndefined();
  });
});

describe('parseJson', () => {
  it('reads JSON, and anything else as undefined', () => {
    expect(parseJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseJson('<html>')).toBeUndefined();
  });
});
