// Address Configurations as Twilio lists them (reference: twilio-oai-conversations-addresses.json):
// what the list's pages hold, and the type an address says it is by its own prefix.
import { readConfig } from './webhook-config.js';
import type { LiveConfig } from './webhook-config.js';

/** `configuration_address_enum_type`; Twilio takes any case. */
export const ADDRESS_TYPES = [
  'sms',
  'whatsapp',
  'messenger',
  'gbm',
  'email',
  'rcs',
  'apple',
  'chat',
] as const;

/** The Address Configuration's SID pattern. */
const ADDRESS_SID = /^IG[0-9a-fA-F]{32}$/;

/** ListConfigurationAddress's largest page. */
export const ADDRESSES_PAGE_SIZE = 50;

/**
 * The type an address names itself (`whatsapp:+1…`, `messenger:…`, or a phone number, which is
 * sms), or undefined when only the file can say.
 */
export function impliedType(address: string): string | undefined {
  const prefix = /^(whatsapp|messenger):/i.exec(address)?.[1];
  if (prefix !== undefined) return prefix.toLowerCase();
  return /^\+\d+$/.test(address) ? 'sms' : undefined;
}

/** One Address Configuration of the account. */
export interface LiveAddress {
  readonly sid: string;
  readonly address: string;
  /** As Twilio answers it (in the case it was created with). */
  readonly type: string;
  readonly config: LiveConfig;
}

/**
 * One page of `GET /v1/Configuration/Addresses`: `{"address_configurations": [...], "meta":
 * {"next_page_url": …}}`, each configuration read as a fetch of it is.
 */
export function readAddressesPage(
  json: unknown,
): { items: LiveAddress[]; next: string | null } | { problem: string } {
  if (typeof json !== 'object' || json === null) return { problem: 'JSON that is not an object' };
  const { address_configurations: list, meta } = json as {
    address_configurations?: unknown;
    meta?: { next_page_url?: unknown };
  };
  if (!Array.isArray(list)) return { problem: 'no list of address_configurations' };
  const items: LiveAddress[] = [];
  for (const item of list as unknown[]) {
    const { sid, address, type } = (item ?? {}) as Record<string, unknown>;
    if (typeof sid !== 'string' || !ADDRESS_SID.test(sid)) {
      return { problem: 'an Address Configuration without a valid sid' };
    }
    if (typeof address !== 'string' || typeof type !== 'string') {
      return { problem: `Address Configuration ${sid} without its address and type` };
    }
    const read = readConfig(item, { kind: 'address', address, addressType: type, sid });
    if ('problem' in read) return { problem: `Address Configuration ${sid} with ${read.problem}` };
    items.push({ sid, address, type, config: read.config });
  }
  const next = meta?.next_page_url;
  if (next !== null && next !== undefined && typeof next !== 'string') {
    return { problem: 'a next_page_url that is not a string' };
  }
  return { items, next: next ?? null };
}
