// The parts of undici the Twilio client uses, imported in one place so that how they are loaded
// (and what that costs at start-up) is decided here alone.
export { Agent, errors, ProxyAgent, request } from 'undici';
export type { Dispatcher } from 'undici';
