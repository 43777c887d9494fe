// Why an HTTP exchange got no usable answer, sorted by what it says about the other side. The
// callers word it for their readers (src/twilio/sender.ts, src/twilio/probe-verdict.ts) and decide
// what is worth another attempt.
import { errors } from './undici.js';

export type FailureKind =
  /** No complete answer within the time limit. */
  | 'timeout'
  /** The caller's signal ended the exchange. */
  | 'cancelled'
  /** The body passed the bound the caller set, and was not read further. */
  | 'too-large'
  /** The host name does not resolve. */
  | 'dns'
  /** Refused before anything was sent. */
  | 'refused'
  /** The TLS handshake failed: a bad certificate, or no TLS at all on the other side. */
  | 'tls'
  /** Reset, dropped, or a temporary failure to resolve the name (EAI_AGAIN). */
  | 'connection';

export class HttpFailure extends Error {
  readonly kind: FailureKind;
  /** The most telling error code: the system's (ECONNRESET…) rather than undici's own (UND_ERR_…). */
  readonly code: string | undefined;

  constructor(kind: FailureKind, message: string, cause: unknown, code?: string) {
    super(message, { cause });
    this.name = 'HttpFailure';
    this.kind = kind;
    this.code = code;
  }
}

const TLS_CODE = /^(?:ERR_SSL_|ERR_TLS_|EPROTO$)|CERT|^UNABLE_TO_|^SELF_SIGNED|^DEPTH_ZERO/;

/**
 * What a network error says: its message, its causes', and the code ("connect ECONNREFUSED
 * 127.0.0.1:9 (ECONNREFUSED)"). Undefined for an error that is no network's (a bug).
 */
export function networkFailure(error: unknown): HttpFailure | undefined {
  const { code, detail } = unwrap(error);
  if (!(error instanceof errors.UndiciError) && code === undefined) return undefined;
  const kind: FailureKind =
    code === 'ENOTFOUND'
      ? 'dns'
      : code === 'ECONNREFUSED'
        ? 'refused'
        : code !== undefined && TLS_CODE.test(code)
          ? 'tls'
          : 'connection';
  return new HttpFailure(kind, `${detail}${code === undefined ? '' : ` (${code})`}`, error, code);
}

/** The error's code or its causes', and their messages, four causes deep at most. */
function unwrap(error: unknown): { code: string | undefined; detail: string } {
  const codes: string[] = [];
  let detail = error instanceof Error ? error.message : String(error);
  for (let cause = error, depth = 0; cause instanceof Error && depth < 4; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    if (cause !== error && cause.message !== '') detail += `: ${cause.message}`;
    cause = cause.cause;
  }
  return { code: codes.find((code) => !code.startsWith('UND_ERR')) ?? codes[0], detail };
}
