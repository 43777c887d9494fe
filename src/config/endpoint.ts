// Where Twilio's Conversations API is: the default host, a region and edge's host, or an
// explicit base URL. Host facts from Twilio's regional API docs (conversations.{edge}.{region}.twilio.com).
import type { RawInputs } from './contract.js';
import { quote } from '../core/text.js';
import { showUrl } from '../core/urls.js';
import { InputError } from './input-parsers.js';
import { isLoopback } from '../http/loopback.js';

export const DEFAULT_API_BASE_URL = 'https://conversations.twilio.com';
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export interface Endpoint {
  readonly baseUrl: string;
  /** The inputs that made the host name, for advice when it does not resolve. */
  readonly madeBy: string | undefined;
}

export function parseEndpoint(inputs: RawInputs, warnings: string[]): Endpoint {
  const explicit = inputs['api-base-url'];
  const region = inputs.region.toLowerCase();
  const edge = inputs.edge.toLowerCase();
  if (explicit !== '') {
    if (region !== '' || edge !== '') {
      warnings.push('api-base-url is set, so region and edge are ignored.');
    }
    return { baseUrl: parseExplicitBaseUrl(explicit), madeBy: 'api-base-url' };
  }
  if (region !== '' && !HOST_LABEL.test(region)) {
    throw new InputError(
      'region',
      `is ${quote(inputs.region)}: expected a region such as ie1 or au1.`,
    );
  }
  if (edge !== '' && !HOST_LABEL.test(edge)) {
    throw new InputError(
      'edge',
      `is ${quote(inputs.edge)}: expected an edge such as dublin or sydney.`,
    );
  }
  if (region !== '' && edge === '') {
    throw new InputError(
      'edge',
      `is empty while region is ${quote(region)}: Twilio needs both, for example region ie1 with edge dublin.`,
    );
  }
  if (edge === '') return { baseUrl: DEFAULT_API_BASE_URL, madeBy: undefined };
  return {
    baseUrl: `https://conversations.${edge}.${region === '' ? 'us1' : region}.twilio.com`,
    madeBy: region === '' ? `edge ${edge} (with region us1)` : `region ${region} and edge ${edge}`,
  };
}

function parseExplicitBaseUrl(value: string): string {
  const invalid = (problem: string): InputError =>
    new InputError(
      'api-base-url',
      `is ${quote(showUrl(value))}: ${problem}. Give an https URL such as ${DEFAULT_API_BASE_URL}.`,
    );
  if (!/^https?:\/\/[^/?#\\]/i.test(value) || !URL.canParse(value)) {
    throw invalid('it is not an absolute http(s) URL');
  }
  // A URL parser drops tabs and new lines, and percent-encodes spaces and other control
  // characters, without a word: the address called would not be the one written.
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\s\u0000-\u001f\u007f]/.test(value)) {
    throw invalid('it has whitespace or a control character in it');
  }
  const url = new URL(value);
  if (url.username !== '' || url.password !== '') throw invalid('it must not carry credentials');
  if (url.search !== '' || url.hash !== '') throw invalid('it must not have a query or fragment');
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw invalid(
      'plain http would send the credentials in the clear; it is allowed only to a loopback host',
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
