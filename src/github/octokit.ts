// The GitHub client: Octokit with a time limit on every attempt, retries of what is transient,
// GitHub's pacing of writes, the proxy the environment names, and requests to the API's own
// origin only.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { showUrl } from '../core/urls.js';
import { Agent, fetch, ProxyAgent } from '../http/undici.js';
import type { GitHubRun } from './context.js';
import { RefusedRequest } from './errors.js';

export interface GitHubOptions {
  readonly token: string;
  readonly run: GitHubRun;
  readonly proxyUrl: string | undefined;
  /** The same discipline as Twilio's: a time limit per attempt, and retries of what is transient. */
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** The unit of the plugins' waits, in ms: one second, unless a test says less. */
  readonly retryUnitMs: number;
  /** What every title and body goes through: secrets as ***, values from `${NAME}` as written. */
  readonly show: (text: string) => string;
  readonly warn: (message: string) => void;
  /** A cancelled run sends nothing more, and cuts what is in flight: its summary comes first. */
  readonly signal?: AbortSignal | undefined;
}

/** A rate limit that resets later than this is not waited for: the run reports it instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

/** Octokit and what closes its connections. */
export function connect(options: GitHubOptions) {
  // An http: API URL goes through the proxy as a plain proxied request, as curl and most proxies
  // expect, not through a CONNECT tunnel that proxies commonly refuse on port 80; https: is tunnelled.
  const dispatcher =
    options.proxyUrl === undefined
      ? new Agent()
      : new ProxyAgent({ uri: options.proxyUrl, proxyTunnel: false });
  return { octokit: octokitFor(options, dispatcher), close: () => dispatcher.close() };
}

/**
 * Octokit with a time limit on every attempt, retries of 5xx (plugin-retry) and of rate limits
 * that reset soon (plugin-throttling, which also paces writes as GitHub asks), through the proxy
 * the environment names, and only ever to the API's own origin.
 */
function octokitFor(options: GitHubOptions, dispatcher: Agent | ProxyAgent) {
  const { maxRetries, retryUnitMs, timeoutMs } = options;
  const origin = new URL(options.run.apiUrl).origin;
  const rateLimited =
    (kind: string) =>
    (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number): boolean => {
      const retrying = retryCount < maxRetries && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
      options.warn(
        `GitHub ${kind} (retry after ${retryAfter} s): ${retrying ? 'waiting, then retrying' : 'not waiting that long'}.`,
      );
      return retrying;
    };
  return getOctokit(
    options.token,
    {
      baseUrl: options.run.apiUrl,
      request: {
        // Every request carries the token, and a page's Link header names the next URL: only the
        // API's own origin may get it. Called once per attempt, so each has its own time limit.
        fetch: (url: string, init: RequestInit) => {
          const target = new URL(url);
          if (options.signal?.aborted === true) {
            throw new RefusedRequest('The run was cancelled, so nothing more was sent to GitHub');
          }
          if (target.origin !== origin) {
            throw new RefusedRequest(
              `GitHub's answer pointed to ${showUrl(target.href)}, which is not the API's origin ${origin}: the token goes to ${origin} only, so no request was sent there`,
            );
          }
          return fetch(target, {
            ...(init as object),
            dispatcher,
            signal:
              options.signal === undefined
                ? AbortSignal.timeout(timeoutMs)
                : AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal]),
          });
        },
      },
      retry: { retries: maxRetries, retryAfterBaseValue: retryUnitMs },
      throttle: {
        retryAfterBaseValue: retryUnitMs,
        // GitHub asks for a second between writes, and three between those that notify people
        // (issues, comments): the plugin's pacing, in the same unit.
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: retryUnitMs }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * retryUnitMs }),
        onRateLimit: rateLimited('rate limit'),
        onSecondaryRateLimit: rateLimited('secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
}
