// The faults the action is tried against, with what must happen. test/integration/faults.test.ts
// runs each one through run() with a recording clock, so backoff is proven without waiting;
// docs/reliability.md shows this same table (test/reliability-doc.test.ts keeps the two equal).
import type { FaultRule } from '../emulator/twilio-emulator.ts';
import { twilioErrorBody } from '../emulator/twilio-emulator.ts';

export interface FaultCase {
  readonly name: string;
  /** Made for the run's start time, for faults that depend on the clock. */
  readonly faults: (now: number) => readonly FaultRule[];
  /** Inputs that differ from the suite's defaults (max-retries 2, timeout-seconds 0.3). */
  readonly inputs?: Readonly<Record<string, string>>;
  readonly outcome: 'updated' | 'failed';
  /** Requests the emulator must have received, in order. */
  readonly requests: readonly string[];
  /** What the error annotation (a failed run) or a warning (an updated one) must contain. */
  readonly message?: string;
  /** The backoff waits between attempts, in ms, with the jitter at its middle. */
  readonly waits: readonly number[];
}

const GET = 'GET';
const POST = 'POST';
const onGet =
  (fault: FaultRule): (() => FaultRule[]) =>
  () => [{ ...fault, method: GET }];
const onPost =
  (fault: FaultRule): (() => FaultRule[]) =>
  () => [{ ...fault, method: POST }];
const always =
  (fault: FaultRule): (() => FaultRule[]) =>
  () => [{ ...fault, times: 100 }];
const none = (): FaultRule[] => [];
/** Backoff after the first and second failed attempts: 500 ms and 1 s ceilings, jitter ½. */
const FIRST = 375;
const SECOND = 750;

export const FAULT_CASES: readonly FaultCase[] = [
  {
    name: 'none: the baseline',
    faults: none,
    outcome: 'updated',
    requests: [GET, POST],
    waits: [],
  },
  {
    name: '429 without Retry-After',
    faults: onGet({ kind: 'status', status: 429 }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    waits: [FIRST],
  },
  {
    name: '429 with Retry-After: 1 (seconds)',
    faults: onGet({ kind: 'status', status: 429, headers: { 'Retry-After': '1' } }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    waits: [1_000],
  },
  {
    name: '429 with Retry-After as an HTTP-date 2 s ahead',
    faults: (now) => [
      {
        kind: 'status',
        status: 429,
        method: GET,
        headers: { 'Retry-After': new Date(now + 2_000).toUTCString() },
      },
    ],
    outcome: 'updated',
    requests: [GET, GET, POST],
    waits: [2_000],
  },
  {
    name: '429 with an absurd Retry-After (one day): capped at 30 s',
    faults: onGet({ kind: 'status', status: 429, headers: { 'Retry-After': '86400' } }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    waits: [30_000],
  },
  ...[408, 500, 502, 503, 504].map((status): FaultCase => ({
    name: `${String(status)} once`,
    faults: onGet({ kind: 'status', status }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    waits: [FIRST],
  })),
  {
    name: 'a proxy’s HTML error page (502)',
    faults: onGet({ kind: 'html', status: 502 }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    waits: [FIRST],
  },
  {
    name: 'a crafted 2 MB HTML page (502) that a backtracking <title> search would choke on',
    faults: onGet({ kind: 'html', status: 502, body: '<title'.repeat(350_000) }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    waits: [FIRST],
  },
  {
    name: 'connection reset',
    faults: onGet({ kind: 'reset' }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    waits: [FIRST],
  },
  {
    name: 'an answer that stalls past timeout-seconds',
    faults: onGet({ kind: 'stall' }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    waits: [FIRST],
  },
  {
    name: 'a body cut off half way',
    faults: onGet({ kind: 'truncate' }),
    outcome: 'updated',
    requests: [GET, GET, POST],
    waits: [FIRST],
  },
  {
    name: 'malformed JSON on a 200',
    faults: onGet({ kind: 'malformed-json' }),
    outcome: 'failed',
    requests: [GET],
    message: 'with a body that is not JSON',
    waits: [],
  },
  {
    name: 'a 200 whose JSON lacks the resource’s fields: read as not set, as the spec allows',
    faults: onGet({ kind: 'missing-fields' }),
    outcome: 'updated',
    requests: [GET, POST],
    waits: [],
  },
  {
    name: 'a 50 MiB body: refused once past 4 MiB, not buffered, not retried',
    faults: onGet({ kind: 'huge-body', bytes: 50 * 1024 * 1024, contentLength: false }),
    // The bound on the body must stop it, not the time limit: 4 MiB over a loaded loopback can take
    // longer than the 0.3 s the other cases use, and a timeout is retried.
    inputs: { 'timeout-seconds': '30' },
    outcome: 'failed',
    requests: [GET],
    message: 'the answer is over 4 MiB',
    waits: [],
  },
  {
    name: '400 with Twilio’s error body, on the update',
    faults: onPost({
      kind: 'status',
      status: 400,
      body: twilioErrorBody(400, 50078, 'Invalid post-webhook URL'),
    }),
    outcome: 'failed',
    requests: [GET, POST],
    message: 'The update was not applied: Twilio answered 400',
    waits: [],
  },
  {
    name: 'the update applied, its answer lost to a reset: retried, and verified',
    faults: onPost({ kind: 'lose-answer', how: 'reset' }),
    outcome: 'updated',
    requests: [GET, POST, POST],
    waits: [FIRST],
  },
  {
    name: 'the update applied, every answer lost: fetched again, and reported applied',
    faults: always({ kind: 'lose-answer', how: 'reset', method: POST }),
    outcome: 'updated',
    requests: [GET, POST, POST, POST, GET],
    message: 'fetching the configuration again shows the update applied',
    waits: [FIRST, SECOND],
  },
  {
    name: 'the update applied, answered with a 200 that is not JSON: fetched again',
    faults: onPost({ kind: 'lose-answer', how: 'malformed' }),
    outcome: 'updated',
    requests: [GET, POST, GET],
    message: 'fetching the configuration again shows the update applied',
    waits: [],
  },
  {
    name: '401: the credential is refused',
    faults: none,
    inputs: { 'auth-token': 'a-token-twilio-does-not-know-0001' },
    outcome: 'failed',
    requests: [GET],
    message: 'error 20003: Authenticate (status 401',
    waits: [],
  },
  {
    name: '404: an unknown service',
    faults: none,
    inputs: { 'service-sid': `IS${'0'.repeat(32)}` },
    outcome: 'failed',
    requests: [GET],
    message: 'error 20404',
    waits: [],
  },
  {
    name: 'persistent 503: gives up after max-retries (2)',
    faults: always({ kind: 'status', status: 503 }),
    outcome: 'failed',
    requests: [GET, GET, GET],
    message: 'Gave up after 3 attempts (2 retries, max-retries). Last error: Twilio answered 503',
    waits: [FIRST, SECOND],
  },
  {
    name: 'no answer at all, every attempt: gives up after max-retries (2)',
    faults: always({ kind: 'stall' }),
    outcome: 'failed',
    requests: [GET, GET, GET],
    message: 'Gave up after 3 attempts',
    waits: [FIRST, SECOND],
  },
  {
    name: 'the update fails after the fetch succeeded (persistent 503): fetched again, unchanged',
    faults: always({ kind: 'status', status: 503, method: POST }),
    outcome: 'failed',
    requests: [GET, POST, POST, POST, GET],
    message: 'The update was not applied: Gave up after 3 attempts',
    waits: [FIRST, SECOND],
  },
];

export const FAULT_TABLE_HEADER = ['fault', 'requests Twilio received', 'outcome', 'backoff waits'];

/** The rows of the table in docs/reliability.md, cell by cell. */
export function faultTableRows(cases: readonly FaultCase[]): string[][] {
  return cases.map((c) => [
    c.name,
    c.requests.join(' → '),
    c.outcome === 'updated'
      ? `updated and verified, exit 0${c.message === undefined ? '' : `, warns “${c.message}”`}`
      : `fails with “${c.message ?? ''}”, exit 1`,
    c.waits.length === 0 ? 'none' : c.waits.map((ms) => `${String(ms)} ms`).join(', '),
  ]);
}
