// Export mode: the live account-wide configuration, every service's own and every Address
// Configuration, written as a desired-state file, for onboarding. Reads only; sends no update.
import { mapBounded } from '../core/bounded.js';
import type { Clock } from '../core/clock.js';
import { renderDesiredState } from './export-state.js';
import { accountMismatch } from '../model/account-check.js';
import type { ExportedRun } from '../model/result.js';
import type { Settings } from '../config/settings.js';
import type { TwilioApi } from '../twilio/client.js';
import { urlSecret } from '../core/urls.js';
import { HOOK_FIELDS } from '../model/fields.js';
import type { LiveConfig } from '../model/webhook-config.js';
import { checkExportTarget, writeExportFile } from '../config/export-file.js';

export async function exportState(
  twilio: TwilioApi,
  settings: Settings,
  env: NodeJS.ProcessEnv,
  clock: Clock,
): Promise<ExportedRun> {
  if (settings.source.kind !== 'file') throw new Error('Export needs config-file.');
  const file = settings.source.path;
  // Before any request: a place that cannot be written to is known without asking Twilio.
  await checkExportTarget(file, env);
  const account = await twilio.fetchConfig({ kind: 'account' });
  const wrongAccount = accountMismatch(account, settings.accountSid);
  if (wrongAccount !== undefined) throw new Error(wrongAccount);
  const services = await twilio.listServices();
  const configs = await mapBounded(services, settings.maxConcurrency, async (service) => ({
    sid: service.sid,
    friendlyName: service.friendlyName,
    config: await twilio.fetchConfig({ kind: 'service', serviceSid: service.sid }),
  }));
  const addresses = await twilio.listAddresses();
  await writeExportFile(
    file,
    renderDesiredState(account, configs, addresses, new Date(clock.now())),
    env,
  );
  const withCredentials = [
    ...(hasCredentials(account) ? ['the account-wide configuration'] : []),
    ...configs.filter((c) => hasCredentials(c.config)).map((c) => `service ${c.sid}`),
    ...addresses.filter((a) => hasCredentials(a.config)).map((a) => `address ${a.address}`),
  ];
  return { file, services: services.length, addresses: addresses.length, withCredentials };
}

function hasCredentials(config: LiveConfig): boolean {
  return HOOK_FIELDS.some(({ field }) => {
    const url = config[field];
    return typeof url === 'string' && urlSecret(url) !== undefined;
  });
}
