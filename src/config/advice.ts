// Errors from the Twilio client, phrased for a person: what happened, and which input to look at.
// The client knows nothing of inputs; this is where they are named.
import { errorMessage } from '../core/errors.js';
import { RetriesExhausted } from '../http/retry.js';
import type { Settings } from './settings.js';
import { TransportError, TwilioApiError } from '../twilio/errors.js';
import { SERVICE_SID } from '../model/values.js';

export function explainError(error: unknown, settings: Settings): string {
  if (error instanceof RetriesExhausted) {
    return `Gave up after ${error.attempts} attempts (${error.attempts - 1} retries, max-retries). Last error: ${explainError(error.cause, settings)}`;
  }
  const message = errorMessage(error);
  const hint = advice(error, settings);
  return hint === '' || /[.!?]$/.test(message) ? `${message}${hint}` : `${message}.${hint}`;
}

function advice(error: unknown, settings: Settings): string {
  if (error instanceof TwilioApiError) {
    if (error.status === 401 || error.status === 403) {
      return ' Check account-sid with auth-token, or api-key with api-secret.';
    }
    const service = error.request.split('/').find((part) => SERVICE_SID.test(part));
    if (error.status === 404 && service !== undefined) {
      const where = settings.source.kind === 'file' ? settings.source.path : 'service-sid';
      return ` Check ${where}: ${service} is not a Conversations service of this account.`;
    }
    return '';
  }
  if (!(error instanceof TransportError)) return '';
  const madeBy = settings.endpoint.madeBy;
  switch (error.failure) {
    case 'timeout':
      return ` The limit is timeout-seconds (${settings.timeoutMs / 1000} s): raise it if Twilio is slow to answer from this runner.`;
    case 'dns':
      return madeBy === undefined
        ? ' The host name does not resolve: check the runner’s DNS and network.'
        : ` The host name does not resolve: check ${madeBy}.`;
    case 'tls':
      return ` The TLS connection to ${settings.endpoint.baseUrl} failed: its certificate is not trusted, or it does not speak https.${madeBy === 'api-base-url' ? ' Check api-base-url.' : ''} This is not retried.`;
    case 'too-large':
    case 'refused':
    case 'connection':
      return '';
  }
}
