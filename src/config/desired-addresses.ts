// The Address Configurations of a desired-state file: each entry names one address as Twilio
// writes it, with its type where the address does not say it, and the fields to manage, the
// auto-creation ones in a mapping of their own. No address may be configured twice, and the
// fields of one auto-creation type do not go with another.
import { isMap } from 'yaml';
import { closestMatch } from '../core/suggest.js';
import { quote } from '../core/text.js';
import { ADDRESS_TYPES, impliedType } from '../model/addresses.js';
import type { DesiredAddress } from '../model/desired.js';
import { fieldsOf } from '../model/fields.js';
import type { DesiredConfig } from '../model/fields.js';
import { keysOf, readFields } from './desired-fields.js';
import { describe, isEmpty } from './yaml-nodes.js';
import type { Entry, YamlReader } from './yaml-reader.js';

const AUTO_CREATION = 'auto-creation';
const ADDRESS_KEYS = ['address', 'type', ...keysOf('address'), AUTO_CREATION];
const AUTO_CREATION_KEYS = keysOf('address', AUTO_CREATION);
const ADDRESS_EXPECTED =
  'the address as Twilio writes it (+15005550006, whatsapp:+1…, an email address…)';
const TYPE_EXPECTED = `one of ${ADDRESS_TYPES.join(', ')}`;

export function readAddresses(reader: YamlReader, entry: Entry | undefined): DesiredAddress[] {
  if (entry === undefined) return [];
  const items = reader.items(
    entry,
    'a list of addresses, each a mapping with address and the fields to manage',
    'Leave addresses out to manage no Address Configuration.',
  );
  const addresses = items.flatMap((item, index) => readAddress(reader, item, index, entry.line));
  return withoutRepeats(reader, addresses);
}

function readAddress(
  reader: YamlReader,
  item: unknown,
  index: number,
  fallbackLine: number,
): (DesiredAddress & { readonly index: number })[] {
  const path = `addresses[${index}]`;
  const node = reader.resolve(item);
  const line = reader.lineOf(node, fallbackLine);
  if (!isMap(node)) {
    reader.report(
      line,
      path,
      `is ${describe(node)}: expected a mapping with address and the fields to manage.`,
    );
    return [];
  }
  const keys = reader.entries(node, path, 'an address entry', ADDRESS_KEYS);
  const address = readAddressKey(reader, keys.get('address'), path, line);
  const type = readType(reader, keys.get('type'), address);
  const own = readFields(reader, keys, 'address');
  const auto = readAutoCreation(reader, keys.get(AUTO_CREATION));
  if (!own.managed && !auto.managed) {
    reader.report(
      line,
      path,
      `manages nothing: give friendly-name, or auto-creation with at least one of ${AUTO_CREATION_KEYS.join(', ')}.`,
    );
  }
  if (address === undefined) return [];
  return [
    {
      index,
      address,
      type: type ?? impliedType(address),
      desired: { ...own.desired, ...auto.desired },
      line,
      serviceLine: auto.serviceLine ?? line,
    },
  ];
}

function readAddressKey(
  reader: YamlReader,
  entry: Entry | undefined,
  path: string,
  line: number,
): string | undefined {
  if (entry === undefined) {
    reader.report(line, path, `has no address: give ${ADDRESS_EXPECTED}.`);
    return undefined;
  }
  const address = reader.readString(entry.value, entry.line, entry.path, ADDRESS_EXPECTED);
  if (address === undefined) return undefined;
  if (address.trim() !== '') return address;
  reader.report(
    entry.line,
    entry.path,
    `is ${quote(address)}, which is blank: give ${ADDRESS_EXPECTED}.`,
  );
  return undefined;
}

/** The type as Twilio spells it; one the address contradicts (whatsapp:… as sms) is refused. */
function readType(
  reader: YamlReader,
  entry: Entry | undefined,
  address: string | undefined,
): string | undefined {
  if (entry === undefined) return undefined;
  const text = reader.readString(entry.value, entry.line, entry.path, TYPE_EXPECTED);
  if (text === undefined) return undefined;
  const type = ADDRESS_TYPES.find((known) => known === text.toLowerCase());
  if (type === undefined) {
    const suggestion = closestMatch(text.toLowerCase(), ADDRESS_TYPES);
    reader.report(
      entry.line,
      entry.path,
      `is ${quote(text)}: expected ${TYPE_EXPECTED}.${suggestion === undefined ? '' : ` Did you mean ${suggestion}?`}`,
    );
    return undefined;
  }
  const implied = address === undefined ? undefined : impliedType(address);
  if (implied !== undefined && implied !== type) {
    reader.report(
      entry.line,
      entry.path,
      `is ${type}, but the address ${quote(address ?? '')} says type ${implied}: write type: ${implied}, or leave type out.`,
    );
    return undefined;
  }
  return type;
}

function readAutoCreation(
  reader: YamlReader,
  entry: Entry | undefined,
): {
  readonly desired: DesiredConfig;
  readonly managed: boolean;
  readonly serviceLine?: number | undefined;
} {
  const none = { desired: {}, managed: false };
  if (entry === undefined) return none;
  const node = reader.resolve(entry.value);
  const expected = `a mapping of the auto-creation fields to manage (${AUTO_CREATION_KEYS.join(', ')})`;
  if (isEmpty(node) || !isMap(node)) {
    reader.report(
      entry.line,
      entry.path,
      isEmpty(node)
        ? `has no value: expected ${expected}. Leave auto-creation out to not manage it.`
        : `is ${describe(node)}: expected ${expected}.`,
    );
    return none;
  }
  const keys = reader.entries(node, entry.path, entry.path, AUTO_CREATION_KEYS);
  const fields = readFields(reader, keys, 'address', AUTO_CREATION);
  checkTypeFields(reader, keys, fields.desired);
  return { ...fields, serviceLine: keys.get('conversation-service')?.line };
}

/** An answer carries only its type's fields: one of another type could never be in sync. */
function checkTypeFields(
  reader: YamlReader,
  keys: ReadonlyMap<string, Entry>,
  desired: DesiredConfig,
): void {
  const type = desired['auto_creation.type'];
  if (type === undefined) return;
  for (const spec of fieldsOf('address')) {
    if (!('autoCreation' in spec) || spec.autoCreation === type) continue;
    const entry = keys.get(spec.key.slice(`${AUTO_CREATION}.`.length));
    if (entry === undefined) continue;
    reader.report(
      entry.line,
      entry.path,
      `belongs to type ${spec.autoCreation}, but type is ${type}: leave it out, or set type: ${spec.autoCreation}.`,
    );
  }
}

/** The same address twice: which fields would win is anyone's guess. */
function withoutRepeats(
  reader: YamlReader,
  entries: readonly (DesiredAddress & { readonly index: number })[],
): DesiredAddress[] {
  const seen = new Map<string, DesiredAddress & { readonly index: number }>();
  return entries.flatMap(({ index, ...address }) => {
    const first = seen.get(address.address);
    if (first === undefined) {
      seen.set(address.address, { index, ...address });
      return [address];
    }
    reader.report(
      address.line,
      `addresses[${index}].address`,
      `is ${quote(address.address)} again: addresses[${first.index}] (line ${first.line}) already configures it. Give each address one entry.`,
    );
    return [];
  });
}
