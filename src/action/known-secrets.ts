// What the run must never print, registered before anything can print it: the credential inputs,
// the user info of every webhook URL it is given (inputs, probe-url, only-if-live, the file), and
// the values a file filled in from `${NAME}`, to be shown as the file wrote them. Secrets come only
// from where secrets live (docs/reliability.md, "Secrets").
import type { RawInputs } from '../config/contract.js';
import type { Settings } from '../config/settings.js';
import type { Secrets } from '../core/secrets.js';
import type { DesiredSet } from '../model/desired.js';
import { HOOK_FIELDS, INPUT_HOOK_FIELDS } from '../model/fields.js';
import type { DesiredConfig } from '../model/fields.js';

/** Before the inputs are even checked: an error quoting one must not show a credential. */
export function registerInputSecrets(inputs: RawInputs, secrets: Secrets): void {
  for (const name of ['auth-token', 'api-secret', 'github-token'] as const) {
    secrets.add(inputs[name]);
  }
  for (const { key } of INPUT_HOOK_FIELDS) secrets.addUrl(inputs[key]);
  secrets.addUrl(inputs['probe-url']);
  for (const url of inputs['only-if-live'].match(/[a-z][a-z0-9+.-]*:\/\/[^\s"',]+/gi) ?? []) {
    secrets.addUrl(url);
  }
}

/**
 * Once the inputs are checked and the desired state read: the Basic credential Twilio's calls
 * carry, the user info of every desired URL, and the file's `${NAME}` values.
 */
export function registerRunSecrets(
  secrets: Secrets,
  settings: Settings,
  desired: DesiredSet | undefined,
  onlyIfLive: DesiredConfig | undefined,
): void {
  secrets.addBasicCredential(settings.credentials.username, settings.credentials.password);
  const configs = [
    onlyIfLive,
    ...(desired?.kind === 'file'
      ? [
          desired.state.account,
          ...desired.state.services.map((s) => s.desired),
          ...desired.state.addresses.map((a) => a.desired),
        ]
      : []),
  ];
  for (const config of configs) {
    for (const { field } of HOOK_FIELDS) secrets.addUrl(config?.[field]);
  }
  if (desired?.kind === 'file') {
    for (const { name, value } of desired.state.variables) secrets.addVariable(name, value);
  }
}
