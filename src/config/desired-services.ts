// The services of a desired-state file: each entry names one service by `sid` or `name`, with the
// fields to manage; no service may be configured twice.
import { isMap } from 'yaml';
import { quote } from '../core/text.js';
import { FIELDS } from '../model/fields.js';
import type { DesiredConfig, ResourceKind } from '../model/fields.js';
import type { DesiredService, ServiceRef } from '../model/desired.js';
import { SERVICE_SID, sidKey } from '../model/values.js';
import { keysOf, readFields } from './desired-fields.js';
import { describe } from './yaml-nodes.js';
import type { Entry, YamlReader } from './yaml-reader.js';

const SERVICE_KEYS = ['sid', 'name', ...keysOf('service')];
/** The keys only the account-wide configuration has, refused in a service entry with why. */
const ACCOUNT_ONLY: Readonly<Record<string, string>> = Object.fromEntries(
  FIELDS.filter(({ kinds }) => !(kinds as readonly ResourceKind[]).includes('service')).map(
    ({ key }) => [
      key,
      `is set: only the account-wide configuration has a ${key} (the per-service resource has none). Leave it out.`,
    ],
  ),
);

/** Twilio's pattern for a service SID: either case of hex digit, as its answers may have them. */
const SID_EXPECTED = 'IS followed by 32 lower-case hex digits (34 characters)';
const NAME_EXPECTED =
  "the service's friendly name, as a string (in quotes if it looks like a number)";

export interface ServiceEntry {
  readonly index: number;
  readonly line: number;
  readonly ref: (ServiceRef & { readonly line: number }) | undefined;
  readonly fields: { readonly desired: DesiredConfig; readonly managed: boolean };
}

export function readServices(reader: YamlReader, entry: Entry | undefined): ServiceEntry[] {
  if (entry === undefined) return [];
  return reader
    .items(
      entry,
      'a list of services, each a mapping with sid or name and the fields to manage',
      'Leave services out to manage the account-wide configuration only.',
    )
    .flatMap((item, index) => readService(reader, item, index, entry.line));
}

function readService(
  reader: YamlReader,
  item: unknown,
  index: number,
  fallbackLine: number,
): ServiceEntry[] {
  const path = `services[${index}]`;
  const node = reader.resolve(item);
  const line = reader.lineOf(node, fallbackLine);
  if (!isMap(node)) {
    reader.report(
      line,
      path,
      `is ${describe(node)}: expected a mapping with sid or name and the fields to manage.`,
    );
    return [];
  }
  const keys = reader.entries(node, path, 'a service entry', SERVICE_KEYS, ACCOUNT_ONLY);
  const sid = keys.get('sid');
  const name = keys.get('name');
  if (sid !== undefined && name !== undefined) {
    reader.report(
      line,
      path,
      'has both sid and name: give one of them (sid when several services share a friendly name).',
    );
  } else if (sid === undefined && name === undefined) {
    reader.report(
      line,
      path,
      "has neither sid nor name: give the service's sid (IS…) or its friendly name as name.",
    );
  }
  const fields = readFields(reader, keys, 'service');
  if (!fields.managed) {
    reader.report(
      line,
      path,
      `manages nothing: give at least one of ${keysOf('service').join(', ')}.`,
    );
  }
  const ref =
    sid !== undefined
      ? readSid(reader, sid)
      : name !== undefined
        ? readName(reader, name)
        : undefined;
  return [{ index, line, ref, fields }];
}

function readSid(reader: YamlReader, entry: Entry): ServiceEntry['ref'] {
  const sid = reader.readString(entry.value, entry.line, entry.path, SID_EXPECTED);
  if (sid === undefined) return undefined;
  if (SERVICE_SID.test(sid)) return { sid, line: entry.line };
  reader.report(entry.line, entry.path, `is ${quote(sid)}: expected ${SID_EXPECTED}.`);
  return undefined;
}

function readName(reader: YamlReader, entry: Entry): ServiceEntry['ref'] {
  const name = reader.readString(entry.value, entry.line, entry.path, NAME_EXPECTED);
  if (name === undefined) return undefined;
  if (name.trim() !== '') return { name, line: entry.line };
  reader.report(
    entry.line,
    entry.path,
    `is ${quote(name)}, which is blank: give the service's friendly name exactly as Twilio has it, or its sid.`,
  );
  return undefined;
}

/** The same service twice, by sid or by name: which fields would win is anyone's guess. */
export function checkServices(
  reader: YamlReader,
  entries: readonly ServiceEntry[],
): DesiredService[] {
  const seen = new Map<string, ServiceEntry>();
  const services: DesiredService[] = [];
  for (const entry of entries) {
    const { ref } = entry;
    if (ref === undefined) continue;
    const [kind, value] = 'sid' in ref ? ['sid', ref.sid] : ['name', ref.name];
    const key = `${kind}:${kind === 'sid' ? sidKey(value) : value}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, entry);
    } else {
      reader.report(
        ref.line,
        `services[${entry.index}].${kind}`,
        `is ${quote(value)} again: services[${first.index}] (line ${first.line}) already configures that service. Give each service one entry.`,
      );
    }
    services.push({
      ref: 'sid' in ref ? { sid: ref.sid } : { name: ref.name },
      desired: entry.fields.desired,
      line: entry.line,
    });
  }
  return services;
}
