// The live configurations written as a desired-state file, for `mode: export`: what
// parseDesiredState reads back from it is in sync with what was exported, every URL byte for byte.
// Pure: data in, text out. The yaml library quotes whatever YAML would otherwise misread; `${`,
// which the reader would take for a variable, is written `$${`.
import { Document, isMap, isScalar } from 'yaml';
import { InvalidValue } from '../core/errors.js';
import { CLEAR } from '../model/events.js';
import { fieldsOf } from '../model/fields.js';
import type { Field, FieldValue, ResourceKind, Spec } from '../model/fields.js';
import type { LiveAddress } from '../model/addresses.js';
import { urlSecret } from '../core/urls.js';
import { sidKey } from '../model/values.js';
import type { ServiceSummary, LiveConfig } from '../model/webhook-config.js';

/** The desired-state file's JSON Schema (schema/desired-state.schema.json, its $id). */
export const DESIRED_STATE_SCHEMA_URL =
  'https://raw.githubusercontent.com/your-org/twilio-conversations-webhooks-action/main/schema/desired-state.schema.json';

export interface ExportedService extends ServiceSummary {
  readonly config: LiveConfig;
}

interface Written {
  readonly key: string;
  readonly value: string | readonly string[];
  readonly wire: Spec['wire'];
  /** A comment for the line above the key: why the action would refuse the value, say. */
  readonly note: string | undefined;
}

export function renderDesiredState(
  account: LiveConfig,
  services: readonly ExportedService[],
  addresses: readonly LiveAddress[],
  generatedAt: Date,
): string {
  const accountKeys = written(account, 'account');
  const entries = services.map((service) => ({
    service,
    keys: written(service.config, 'service'),
  }));
  const addressEntries = addresses.map((address) => {
    const keys = written(address.config, 'address');
    const gone = missingService(address.config, services);
    return gone === undefined
      ? { address, keys, note: undefined }
      : {
          address,
          // A check of the file would refuse it: the file leaves it unmanaged, and says why.
          keys: keys.filter(({ key }) => key !== SERVICE_KEY),
          note: `${SERVICE_KEY} is ${gone}, which is not a Conversations service of this account: left out, so this file does not manage it. Point it at one of the account's services.`,
        };
  });
  const doc = new Document({
    account: asObject(accountKeys),
    ...(entries.length === 0
      ? {}
      : {
          services: entries.map(({ service, keys }) => ({ sid: service.sid, ...asObject(keys) })),
        }),
    ...(addressEntries.length === 0
      ? {}
      : {
          addresses: addressEntries.map(({ address, keys }) => ({
            address: literal(address.address),
            type: address.type.toLowerCase(),
            ...nested(asObject(keys)),
          })),
        }),
  });
  doc.commentBefore = [
    // Editors that read this line (the YAML language server: VS Code, JetBrains) check the file.
    ` yaml-language-server: $schema=${DESIRED_STATE_SCHEMA_URL}`,
    ` Twilio Conversations webhook configuration, exported from the live account at ${generatedAt.toISOString()}.`,
    " Point the action's config-file input at this file, and mode apply or check keeps the live",
    ' configuration as it says.',
    ` A key left out is not managed; "${CLEAR}" clears a URL or the filters. \${NAME} is the value of`,
    ' the environment variable NAME, and $${ is a literal ${. Each service is given by its sid, with',
    ' its friendly name alongside, and each Address Configuration by its address and type.',
  ].join('\n');
  annotate(doc, ['account'], accountKeys);
  entries.forEach(({ service, keys }, i) => {
    const sid = doc.getIn(['services', i, 'sid'], true);
    if (isScalar(sid))
      sid.comment = ` ${commentLine(JSON.stringify(literal(service.friendlyName)))}`;
    annotate(doc, ['services', i], keys);
  });
  addressEntries.forEach(({ keys, note }, i) => {
    annotate(
      doc,
      ['addresses', i],
      [
        ...keys.filter(({ key }) => !key.includes('.')),
        ...(note === undefined
          ? []
          : [{ key: 'address', value: '', wire: 'string' as const, note }]),
      ],
    );
    annotate(
      doc,
      ['addresses', i, AUTO_CREATION],
      keys.flatMap((k) =>
        k.key.startsWith(`${AUTO_CREATION}.`)
          ? [{ ...k, key: k.key.slice(AUTO_CREATION.length + 1) }]
          : [],
      ),
    );
  });
  return doc.toString({ lineWidth: 0 });
}

/**
 * The keys of one resource as the file writes them (the registry says how: a URL or the filters
 * that are not set are "none", so that setting them by hand later shows as drift; a method or
 * target that is not set is left out), each with a note when the action would refuse the value,
 * or when a URL holds a credential.
 */
const SERVICE_KEY = 'auto-creation.conversation-service';

/** The SID of the service an address auto-creates into, when the account has no such service. */
function missingService(
  config: LiveConfig,
  services: readonly ServiceSummary[],
): string | undefined {
  const sid = config['auto_creation.conversation_service_sid'];
  if (typeof sid !== 'string' || sid === '') return undefined;
  return services.some((service) => sidKey(service.sid) === sidKey(sid)) ? undefined : sid;
}

function written(config: LiveConfig, kind: ResourceKind): Written[] {
  const live = config as Partial<Record<Field, FieldValue>>;
  return fieldsOf(kind).flatMap((spec) => {
    // An address's answer carries only its auto-creation type's fields: the others are not its own.
    if ('autoCreation' in spec && spec.autoCreation !== live['auto_creation.type']) return [];
    const value = spec.exported(live[spec.field] ?? null);
    if (value === undefined) return [];
    const text = typeof value === 'string' ? value : value.join(',');
    const refused = refusal(spec.key, () => spec.parse(text, kind));
    const credential = 'hook' in spec && urlSecret(text) !== undefined ? CREDENTIAL : undefined;
    return [{ key: spec.key, value, wire: spec.wire, note: refused ?? credential }];
  });
}

const CREDENTIAL =
  'This URL holds a credential: before checking the file in, keep the URL in a secret, pass it in the env of the step and write ${NAME} here.';

function refusal(key: string, check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof InvalidValue)
      return `The action refuses this live value: ${key} ${error.message}`;
    throw error;
  }
}

type Value = string | string[] | boolean | number;

/** Each key's value as YAML writes it: `enabled: true` and `studio-retry-count: 3` as themselves. */
function asObject(keys: readonly Written[]): Record<string, Value> {
  return Object.fromEntries(
    keys.map(({ key, value, wire }) => [
      key,
      typeof value !== 'string'
        ? value.map(literal)
        : wire === 'boolean'
          ? value === 'true'
          : wire === 'integer'
            ? Number(value)
            : literal(value),
    ]),
  );
}

/** `auto-creation.type` as the key `type` of the mapping `auto-creation`. */
function nested(values: Record<string, Value>): Record<string, Value | Record<string, Value>> {
  const own: Record<string, Value | Record<string, Value>> = {};
  const inner: Record<string, Value> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith(`${AUTO_CREATION}.`)) inner[key.slice(AUTO_CREATION.length + 1)] = value;
    else own[key] = value;
  }
  return Object.keys(inner).length === 0 ? own : { ...own, [AUTO_CREATION]: inner };
}

const AUTO_CREATION = 'auto-creation';

/** A string the reader takes as it is: its `${` would otherwise name a variable. */
function literal(value: string): string {
  return value.replaceAll('${', () => '$${');
}

/** A comment above each key with a note: the file says itself what needs a person's eye. */
function annotate(doc: Document, path: readonly (string | number)[], keys: readonly Written[]) {
  const map = doc.getIn(path, true);
  if (!isMap(map)) return;
  for (const { key, note } of keys) {
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (note !== undefined && pair !== undefined && isScalar(pair.key)) {
      pair.key.commentBefore = ` ${commentLine(note)}`;
    }
  }
}

/**
 * Text on one comment line, with whatever could end the line or is not printable escaped. A
 * friendly name is written as a JSON string, which is also a YAML double-quoted one: it can be
 * copied into `name:` as it is.
 */
function commentLine(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
