// `@actions/http-client` as @actions/core sees it. @actions/core imports the HTTP client at load
// time for one function, getIDToken (OIDC tokens, lib/oidc-utils.js), and the real client imports
// the whole of undici (fetch, WebSocket, EventSource, the cache API) at load time: every run paid
// for it. This HttpClient stands in for the real one and imports it on its first request.
//
// The root package.json gives this folder the name @actions/http-client (a devDependency), which
// @actions/core's range accepts; @actions/github keeps its own real copy. test/bundle.test.ts
// checks both, that @actions/core uses nothing that is not forwarded here, that getIDToken works
// through it, and that the real client stays out of the entry bundle.

/** The real HttpClient's request methods, all asynchronous: forwarded once the client is loaded. */
const METHODS = [
  'options',
  'get',
  'del',
  'post',
  'patch',
  'put',
  'head',
  'sendStream',
  'getJson',
  'postJson',
  'putJson',
  'patchJson',
  'request',
  'requestRaw',
];

export class HttpClient {
  #args;
  #client;

  constructor(...args) {
    this.#args = args;
  }

  /** The real HttpClient, made on first use with the arguments this one was made with. */
  async #real() {
    if (this.#client === undefined) {
      const { HttpClient: Real } = await import('real-http-client');
      this.#client ??= new Real(...this.#args);
    }
    return this.#client;
  }

  dispose() {
    this.#client?.dispose();
  }

  static {
    for (const name of METHODS) {
      Object.defineProperty(this.prototype, name, {
        async value(...args) {
          return (await this.#real())[name](...args);
        },
        writable: true,
        configurable: true,
      });
    }
  }
}
