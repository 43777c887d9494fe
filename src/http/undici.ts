// The parts of undici the Twilio client uses, imported in one place so that how they are loaded
// (and what that costs at start-up) is decided here alone.
//
// They come from undici's own files, not from its index: the index also loads fetch, WebSocket,
// EventSource, the cache API and the mocks, about half of undici, which a run never uses. undici 6
// has no `exports` map, so these paths resolve. test/bundle.test.ts fails if an upgrade moves
// them, if the index stops exporting these very objects, if it changes the set-up repeated below,
// or if the index finds its way back into the bundle. The types are those of undici's index, which
// describes these same objects.
import type * as Undici from 'undici';
// @ts-expect-error -- undici publishes types for its index only; they are applied below.
import AgentModule from 'undici/lib/dispatcher/agent.js';
// @ts-expect-error -- as above
import ProxyAgentModule from 'undici/lib/dispatcher/proxy-agent.js';
// @ts-expect-error -- as above
import DispatcherModule from 'undici/lib/dispatcher/dispatcher.js';
// @ts-expect-error -- as above
import errorsModule from 'undici/lib/core/errors.js';
// @ts-expect-error -- as above
import utilModule from 'undici/lib/core/util.js';
// @ts-expect-error -- as above
import apiModule from 'undici/lib/api/index.js';
// @ts-expect-error -- as above
import globalModule from 'undici/lib/global.js';

export type { Dispatcher } from 'undici';

type RequestOptions = NonNullable<Parameters<typeof Undici.request>[1]> & {
  readonly path?: unknown;
  readonly agent?: unknown;
};
type Api = Record<
  'request' | 'stream' | 'pipeline' | 'upgrade' | 'connect',
  (this: Undici.Dispatcher, options: object) => ReturnType<typeof Undici.request>
>;

const api = apiModule as Api;
const { parseURL, parseOrigin } = utilModule as Record<
  'parseURL' | 'parseOrigin',
  (url: unknown) => URL
>;
const { getGlobalDispatcher } = globalModule as { getGlobalDispatcher: () => Undici.Dispatcher };

// What undici's index does when it loads: the promise API (`request`, `stream`, `connect`…) becomes
// methods of every dispatcher. ProxyAgent relies on it: it opens its tunnel with `client.connect()`.
Object.assign((DispatcherModule as { prototype: object }).prototype, api);

export const Agent = AgentModule as typeof Undici.Agent;
export type Agent = Undici.Agent;
export const ProxyAgent = ProxyAgentModule as typeof Undici.ProxyAgent;
export type ProxyAgent = Undici.ProxyAgent;
export const errors = errorsModule as typeof Undici.errors;

/**
 * undici's `request(url, options)`: what its index exports as `makeDispatcher(api.request)`, step for
 * step (the promise form only), on `options.dispatcher` or else undici's global dispatcher.
 */
export const request = ((url: unknown, options?: RequestOptions | null) => {
  const { InvalidArgumentError } = errors;
  if (!url || (typeof url !== 'string' && typeof url !== 'object' && !(url instanceof URL))) {
    throw new InvalidArgumentError('invalid url');
  }
  if (options != null && typeof options !== 'object') {
    throw new InvalidArgumentError('invalid opts');
  }
  let opts: RequestOptions;
  let target: URL;
  if (options?.path != null) {
    if (typeof options.path !== 'string') throw new InvalidArgumentError('invalid opts.path');
    const path = options.path.startsWith('/') ? options.path : `/${options.path}`;
    opts = options;
    target = new URL(parseOrigin(url).origin + path);
  } else {
    opts = options ?? (typeof url === 'object' ? url : {});
    target = parseURL(url);
  }
  const { agent, dispatcher = getGlobalDispatcher() } = opts;
  if (agent) throw new InvalidArgumentError('unsupported opts.agent. Did you mean opts.client?');
  return api.request.call(dispatcher, {
    ...opts,
    origin: target.origin,
    path: target.search ? `${target.pathname}${target.search}` : target.pathname,
    // `||` as in undici: an empty method is no method.
    method: opts.method || (opts.body ? 'PUT' : 'GET'),
  });
}) as typeof Undici.request;
