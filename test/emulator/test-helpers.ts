// Helpers for the emulators' own tests (test/emulator/*.test.ts): a fresh Twilio emulator per
// test, requests to it, and child-process plumbing for the CLI.
import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeEach } from 'vitest';
import {
  DEFAULT_CREDENTIALS as CREDS,
  DEFAULT_SERVICE_SID,
  startTwilioEmulator,
} from './twilio-emulator.ts';
import type { EmulatorOptions, TwilioEmulator } from './twilio-emulator.ts';

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

/** Starts an emulator before each test and closes it after; call at the top of a describe or file. */
export function freshEmulator(options?: EmulatorOptions): () => TwilioEmulator {
  let emulator: TwilioEmulator | undefined;
  beforeEach(async () => {
    emulator = await startTwilioEmulator(options);
  });
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  return () => {
    if (emulator === undefined) throw new Error('the emulator starts in beforeEach');
    return emulator;
  };
}

/** Runs `run` with `resource`, then ends it, whatever happened; what `run` returned. */
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

/** Runs `run` with an emulator of its own, closed after. */
export function withEmulator(
  options: EmulatorOptions,
  run: (own: TwilioEmulator) => Promise<void>,
): Promise<void> {
  return using(startTwilioEmulator(options), (own) => own.close(), run);
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
