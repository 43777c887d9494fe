// The faults the action is tried against, with what must happen. test/faults.test.ts runs each one
// through dist/index.js; docs/reliability.md shows this same table (test/reliability-doc.test.ts
// keeps the two equal).
import type { FaultRule } from '../emulator/twilio-emulator.ts';

export interface FaultCase {
  readonly name: string;
  /** Made at run time, for faults that depend on the clock. */
  readonly faults: () => readonly FaultRule[];
  /** Inputs that differ from the suite's defaults (max-retries 2, timeout-seconds 1). */
  readonly inputs?: Readonly<Record<string, string>>;
  readonly outcome: 'updated' | 'failed';
  /** Requests the emulator must have received, in order. */
  readonly requests: readonly string[];
  /** What the error annotation must contain, for a failed run. */
  readonly error?: string;
  /** A run that ends later than this hangs. */
  readonly withinMs: number;
  /** A run that ends sooner did not wait as told (Retry-After, timeouts). */
  readonly notBeforeMs?: number;
}

const GET = 'GET';
const POST = 'POST';
const once =
  (fault: FaultRule): (() => FaultRule[]) =>
  () => [{ ...fault, method: GET }];
const always =
  (fault: FaultRule): (() => FaultRule[]) =>
  () => [{ ...fault, times: 100 }];
const none = (): FaultRule[] => [];

export const FAULT_CASES: readonly FaultCase[] = [
  {
    name: 'none: the baseline',
    faults: none,
    outcome: 'updated',
    requests: [GET, POST],
    withinMs: 5_000,
  },
  {
    name: '429 without Retry-After',
    faults: once({ kind: 'status', status: 429 }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    withinMs: 5_000,
  },
  {
    name: '429 with Retry-After: 1 (seconds)',
    faults: once({ kind: 'status', status: 429, headers: { 'Retry-After': '1' } }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    withinMs: 6_000,
    notBeforeMs: 1_000,
  },
  {
    name: '429 with Retry-After as an HTTP-date 2 s ahead',
    faults: () => [
      {
        kind: 'status',
        status: 429,
        method: GET,
        headers: { 'Retry-After': new Date(Date.now() + 2_000).toUTCString() },
      },
    ],
    outcome: 'updated',
    requests: [GET, GET, POST],
    withinMs: 7_000,
    notBeforeMs: 900,
  },
  {
    name: '429 with an absurd Retry-After (one day): capped at 30 s',
    faults: once({ kind: 'status', status: 429, headers: { 'Retry-After': '86400' } }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    withinMs: 40_000,
    notBeforeMs: 29_000,
  },
  ...[500, 502, 503, 504].map((status): FaultCase => ({
    name: `${String(status)} once`,
    faults: once({ kind: 'status', status }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    withinMs: 5_000,
  })),
  {
    name: 'a proxy’s HTML error page (502)',
    faults: once({ kind: 'html', status: 502 }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    withinMs: 5_000,
  },
  {
    name: 'connection reset',
    faults: once({ kind: 'reset' }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    withinMs: 5_000,
  },
  {
    name: 'an answer that stalls past timeout-seconds',
    faults: once({ kind: 'stall' }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    withinMs: 6_000,
    notBeforeMs: 1_000,
  },
  {
    name: 'a body cut off half way',
    faults: once({ kind: 'truncate' }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    withinMs: 5_000,
  },
  {
    name: 'malformed JSON on a 200',
    faults: once({ kind: 'malformed-json' }),
    outcome: 'failed',
    requests: [GET],
    error: 'with a body that is not JSON',
    withinMs: 5_000,
  },
  {
    name: 'a 200 whose JSON lacks the resource’s fields',
    faults: once({ kind: 'missing-fields' }),
    outcome: 'failed',
    requests: [GET],
    error: 'without the field(s) method, filters',
    withinMs: 5_000,
  },
  {
    name: '400 with Twilio’s error body, on the update',
    faults: () => [
      {
        kind: 'status',
        status: 400,
        method: POST,
        body: {
          code: 50078,
          message: 'Invalid post-webhook URL',
          more_info: 'https://www.twilio.com/docs/errors/50078',
          status: 400,
        },
      },
    ],
    outcome: 'failed',
    requests: [GET, POST],
    error: 'The update was not applied: Twilio answered 400',
    withinMs: 5_000,
  },
  {
    name: '401: the credential is refused',
    faults: none,
    inputs: { 'auth-token': 'a-token-twilio-does-not-know-0001' },
    outcome: 'failed',
    requests: [GET],
    error: 'error 20003: Authenticate (status 401',
    withinMs: 5_000,
  },
  {
    name: '404: an unknown service',
    faults: none,
    inputs: { 'service-sid': `IS${'0'.repeat(32)}` },
    outcome: 'failed',
    requests: [GET],
    error: 'error 20404',
    withinMs: 5_000,
  },
  {
    name: 'persistent 503: gives up after max-retries (2)',
    faults: always({ kind: 'status', status: 503 }),
    outcome: 'failed',
    requests: [GET, GET, GET],
    error: 'Gave up after 3 attempts (2 retries, max-retries). Last error: Twilio answered 503',
    withinMs: 8_000,
  },
  {
    name: 'no answer at all, every attempt: gives up after max-retries (2)',
    faults: always({ kind: 'stall' }),
    outcome: 'failed',
    requests: [GET, GET, GET],
    error: 'Gave up after 3 attempts',
    withinMs: 10_000,
    notBeforeMs: 3_000,
  },
  {
    name: 'the update fails after the fetch succeeded (persistent 503)',
    faults: always({ kind: 'status', status: 503, method: POST }),
    outcome: 'failed',
    requests: [GET, POST, POST, POST],
    error: 'The update was not applied: Gave up after 3 attempts',
    withinMs: 8_000,
  },
];

export const FAULT_TABLE_HEADER = ['fault', 'requests Twilio received', 'outcome', 'duration'];

/** The rows of the table in docs/reliability.md, cell by cell. */
export function faultTableRows(cases: readonly FaultCase[]): string[][] {
  return cases.map((c) => [
    c.name,
    c.requests.join(' → '),
    c.outcome === 'updated'
      ? 'updated and verified, exit 0'
      : `fails with “${c.error ?? ''}”, exit 1`,
    `${String(c.notBeforeMs ?? 0)} to ${String(c.withinMs)} ms`,
  ]);
}
