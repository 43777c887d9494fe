// Helpers for the emulators' own tests (test/emulator/*.test.ts): requests to the Twilio
// emulator, waiting on what a server received, and child-process plumbing for the CLI; and
// service sids by number, for any test that needs many. Servers start through ./servers.ts.
import type { ChildProcess } from 'node:child_process';
import { DEFAULT_CREDENTIALS as CREDS, DEFAULT_SERVICE_SID } from '../emulator/twilio-emulator.ts';

export const ACCOUNT = '/v1/Configuration/Webhooks';
export const SERVICE = `/v1/Services/${DEFAULT_SERVICE_SID}/Configuration/Webhooks`;
export const OTHER_SERVICE = `IS${'ab'.repeat(16)}`;
export const FORM = 'application/x-www-form-urlencoded';

export const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
export const AUTH = basic(CREDS.accountSid, CREDS.authToken);
export const KEY_AUTH = basic(CREDS.apiKeySid, CREDS.apiKeySecret);

/** A service sid made of one hex digit pattern, for tests that need many: sidOf(7). */
export function sidOf(index: number): string {
  return `IS${index.toString(16).padStart(32, '0')}`;
}

/** Runs `run` with a client's `resource` (an undici agent), then ends it, whatever happened. */
export async function using<T, R>(
  resource: T | Promise<T>,
  end: (value: T) => Promise<unknown>,
  run: (value: T) => Promise<R>,
): Promise<R> {
  const value = await resource;
  try {
    return await run(value);
  } finally {
    await end(value);
  }
}

export interface CallOptions {
  method?: string;
  body?: string;
  auth?: string | null;
  contentType?: string;
  signal?: AbortSignal;
}

/** Requests to `base().url`: GET without a body, POST (form) with one, unless told otherwise. */
export function caller(base: () => { url: string }) {
  return (path: string, options: CallOptions = {}): Promise<Response> => {
    const headers: Record<string, string> = {};
    const auth = options.auth === undefined ? AUTH : options.auth;
    if (auth !== null) headers.authorization = auth;
    if (options.body !== undefined) headers['content-type'] = options.contentType ?? FORM;
    return fetch(`${base().url}${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(options.body === undefined ? {} : { body: options.body }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  };
}

export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

/** Twilio's error body, written out independently of the emulator's own helper. */
export function twilioError(
  status: number,
  code: number,
  message: string,
): Record<string, unknown> {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${String(code)}`, status };
}

/** Polls (every 2 ms, up to 5 s) until `condition` holds. */
export async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** The error a rejected fetch or undici call was caused by, with its code (undici wraps it). */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return cause as { code?: string; message: string };
  }
  throw new Error('expected the request to fail');
}

export function collect(child: ChildProcess): { stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return { stdout: () => stdout, stderr: () => stderr };
}

export function exited(child: ChildProcess, withinMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the process did not exit within ${String(withinMs)} ms`));
    }, withinMs);
    // 'close' comes after the process exited and its output streams ended.
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
