// undici, through its public entry point only: an upgrade is then undici's promise to keep, not an
// audit of its private files. Every module of src/ takes undici from here, so that what the action
// uses of it is listed in one place.
export { Agent, errors, fetch, ProxyAgent, request } from 'undici';
export type { Dispatcher } from 'undici';
