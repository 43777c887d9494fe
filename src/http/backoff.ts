// How long to wait before the next attempt. Pure, so the policy is tested without waiting.

export const BASE_DELAY_MS = 500;
export const MAX_BACKOFF_MS = 8_000;
/** A server may ask for more; a job that waits minutes for a webhook setting helps nobody. */
export const MAX_RETRY_AFTER_MS = 30_000;

/**
 * `attempt` is the number of the attempt that just failed (1 for the first). Exponential backoff with
 * "equal jitter" (half fixed, half random), so parallel jobs that failed together spread out;
 * a `Retry-After` header, when present and sane, wins, capped at MAX_RETRY_AFTER_MS.
 */
export function retryDelayMs(
  attempt: number,
  retryAfter: string | undefined,
  now: number,
  random: number,
): number {
  const requested = parseRetryAfter(retryAfter, now);
  if (requested !== undefined) return Math.min(requested, MAX_RETRY_AFTER_MS);
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** `Retry-After` is either delay-seconds or an HTTP-date (RFC 9110, section 10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date) || !/[a-z]/i.test(text)) return undefined;
  return Math.max(0, date - now);
}
