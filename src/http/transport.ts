// One HTTP exchange, for the Twilio client and the probe alike: a keep-alive pool per caller, a time
// limit on the whole answer, a body read up to a bound and never past it, and every failure an
// HttpFailure that says what it was (src/http/failure.ts).
import { HttpFailure, networkFailure } from './failure.js';
import { Agent, ProxyAgent, request } from './undici.js';
import type { Dispatcher } from './undici.js';

interface PoolOptions {
  /** Connections the pool may open to an origin, and so requests in flight to it at once. */
  readonly connections?: number;
  /** How long a connection (and its TLS handshake) may take to open. */
  readonly connectTimeoutMs?: number;
  /** The proxy to go through, if any (src/http/proxy.ts). */
  readonly proxyUrl?: string | undefined;
}

/**
 * A pool whose connections are kept alive and reused, so that the requests of a run share a
 * connection and its TLS handshake. Its owner closes it: keep-alive sockets would hold the process.
 */
export function createPool({ connections, connectTimeoutMs, proxyUrl }: PoolOptions): Dispatcher {
  const pool = {
    ...(connections === undefined ? {} : { connections }),
    ...(connectTimeoutMs === undefined ? {} : { connect: { timeout: connectTimeoutMs } }),
  };
  return proxyUrl === undefined ? new Agent(pool) : new ProxyAgent({ ...pool, uri: proxyUrl });
}

export interface Exchange {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
  /** What the whole answer may take: its status, headers, and body up to the bound. */
  readonly timeoutMs: number;
  /** Ends the exchange in flight: an HttpFailure of kind 'cancelled'. */
  readonly signal?: AbortSignal | undefined;
  readonly maxBodyBytes: number;
  /**
   * Past maxBodyBytes: 'refuse' fails the exchange (an HttpFailure of kind 'too-large'),
   * 'truncate' keeps what came up to the bound. Neither reads further.
   */
  readonly whenLonger: 'refuse' | 'truncate';
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Dispatcher.ResponseData['headers'];
  readonly text: string;
}

/** Sends `outgoing` on `dispatcher`; fails with an HttpFailure, or with what is no network's error. */
export async function exchange(dispatcher: Dispatcher, outgoing: Exchange): Promise<HttpAnswer> {
  const { signal: cancel } = outgoing;
  const timeout = AbortSignal.timeout(outgoing.timeoutMs);
  try {
    const response = await request(outgoing.url, {
      dispatcher,
      method: outgoing.method,
      headers: outgoing.headers,
      body: outgoing.body,
      signal: cancel === undefined ? timeout : AbortSignal.any([timeout, cancel]),
    });
    const text = await readBounded(response.body, response.headers, outgoing);
    // undici hands the connection back to its pool a tick after the body ends; a request sent
    // before then would open a connection of its own. (The global setImmediate: node:timers/promises
    // would be one more module to load at start-up.)
    await new Promise((resolve) => setImmediate(resolve));
    return { status: response.statusCode, headers: response.headers, text };
  } catch (error) {
    if (cancel?.aborted === true && !timeout.aborted) {
      throw new HttpFailure('cancelled', 'cut off by the caller', error);
    }
    if (error instanceof BodyTooLarge) {
      const kib = outgoing.maxBodyBytes / 1024;
      const limit = kib < 1024 ? `${kib} KiB` : `${kib / 1024} MiB`;
      throw new HttpFailure('too-large', `the answer is over ${limit}; it was not read`, error);
    }
    if (timeout.aborted) {
      const limit = `${outgoing.timeoutMs / 1000} s`;
      throw new HttpFailure('timeout', `no complete answer within ${limit}`, error);
    }
    throw networkFailure(error) ?? error;
  }
}

/** The first value of a header, if the answer has it. */
export function header(headers: HttpAnswer['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A body as JSON, or undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

class BodyTooLarge extends Error {}

/** The body as text, up to `maxBodyBytes`; a longer one is refused or cut there, never read whole. */
async function readBounded(
  body: Dispatcher.ResponseData['body'],
  headers: HttpAnswer['headers'],
  { maxBodyBytes, whenLonger }: Exchange,
): Promise<string> {
  const refuse = whenLonger === 'refuse';
  const tooLarge = (): BodyTooLarge => {
    // The abort that closing the body unread reports is expected, not an error of the run.
    body.on('error', () => undefined);
    body.destroy();
    return new BodyTooLarge();
  };
  if (refuse && Number(header(headers, 'content-length') ?? 0) > maxBodyBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving a `for await` over a stream early destroys it (Node's stream docs): the rest of the
  // body is neither read nor waited for.
  for await (const chunk of body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (refuse && size > maxBodyBytes) throw tooLarge();
    if (!refuse && size >= maxBodyBytes) break;
  }
  return Buffer.concat(chunks).subarray(0, maxBodyBytes).toString('utf8');
}
