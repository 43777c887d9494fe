// schema/desired-state.schema.json is what editors check the desired-state file with; the action
// checks it with parseDesiredState (src/config/desired-state.ts). Every fixture below gets the
// same verdict from both, except the cases listed apart: what the parser checks and a schema
// cannot (the step's environment for ${NAME}, a URL's host as a URL parser reads it, near misses
// of known event names, a service given twice), and the one place where the schema is stricter.
// The schema's own description lists the same exceptions, and so does docs/desired-state.md.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDesiredState } from '../src/config/desired-state.js';
import { ROOT } from './support/action.js';
import { SCHEMA_URL } from './support/publishing.js';
import { DESIRED_STATE_SCHEMA_URL } from '../src/engine/export-state.js';

const SCHEMA_PATH = join(ROOT, 'schema', 'desired-state.schema.json');
const schema = JSON.parse(await readFile(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
/** Strict, as SchemaStore validates the schemas it hosts: no unknown keyword, no loose type. */
const ajv = new Ajv({ strict: true, allErrors: true });
const validate = ajv.compile(schema);

const SID = 'IS0123456789abcdef0123456789abcdef';
const ENV: NodeJS.ProcessEnv = {
  PREVIEW_URL: 'https://pr-7.preview.example.com',
  SERVICE_SID: 'IS00000000000000000000000000000001',
  SERVICE_NAME: 'Support desk',
  EVENTS: 'onMessageAdded, onParticipantAdded',
  METHOD: 'post',
  TARGET: 'webhook',
  BLANK: '   ',
  BAD_URL: 'not a url',
  EMPTY: '',
};

interface Verdicts {
  readonly parser: string[];
  readonly schema: ErrorObject[] | 'not YAML';
}

function verdicts(text: string): Verdicts {
  let parser: string[] = [];
  try {
    parseDesiredState(text, 'webhooks.yml', ENV);
  } catch (error) {
    // DesiredStateError: every problem of the file, each with its line and key.
    if (!(error instanceof Error && 'problems' in error && Array.isArray(error.problems))) {
      throw error;
    }
    parser = (error.problems as { message: string }[]).map((p) => p.message);
  }
  let document: unknown;
  try {
    // What an editor's YAML support reads (duplicate keys and several documents are errors there).
    document = parse(text);
  } catch {
    return { parser, schema: 'not YAML' };
  }
  return { parser, schema: validate(document) ? [] : [...(validate.errors ?? [])] };
}

const schemaValid = (v: Verdicts): boolean => Array.isArray(v.schema) && v.schema.length === 0;

/** Files both accept. */
const VALID: Record<string, string> = {
  'every account key': `
account:
  filters: [onMessageAdded, onConversationUpdated]
  method: POST
  pre-webhook-url: none
  post-webhook-url: https://api.example.com/twilio/events
  target: webhook
`,
  "README's example, with services by sid and by name and ${NAME}": `
account:
  filters: [onMessageAdded, onConversationUpdated]
  method: POST
  pre-webhook-url: none
  post-webhook-url: https://api.example.com/twilio/events
  target: webhook
services:
  - sid: ${SID}
    filters: onMessageAdded
    post-webhook-url: \${PREVIEW_URL}/twilio/events
  - name: Support desk
    post-webhook-url: https://support.example.com/twilio
`,
  'services only, every service key, filters on lines': `
services:
  - name: Support desk
    filters: |
      onMessageAdd
      onMessageAdded

      onParticipantAdded
    method: get
    pre-webhook-url: https://support.example.com/twilio/pre
    post-webhook-url: NONE
`,
  'services: [] beside the account': `
account:
  method: Post
services: []
`,
  'filters cleared: "none", any case, as a string or a one-item list': `
account:
  filters: None
services:
  - sid: ${SID}
    filters: [none]
`,
  'filters: the same "none" twice in a string is one': `
account:
  filters: none, none
`,
  'filters with blanks, a trailing comma and duplicates': `
account:
  filters: ' onMessageAdded,, onConversationUpdated, onMessageAdded,'
`,
  'a list item may itself hold names separated by commas': `
account:
  filters: ['onMessageAdded, onMessageUpdated', onParticipantAdded]
`,
  'every known event on the account, user events included': `
account:
  filters: [onMessageAdd, onMessageUpdate, onMessageRemove, onConversationAdd, onConversationUpdate, onConversationRemove, onParticipantAdd, onParticipantUpdate, onParticipantRemove, onUserUpdate, onMessageAdded, onMessageUpdated, onMessageRemoved, onConversationAdded, onConversationUpdated, onConversationRemoved, onConversationStateUpdated, onParticipantAdded, onParticipantUpdated, onParticipantRemoved, onDeliveryUpdated, onUserAdded, onUserUpdated]
`,
  'a well-formed event far from every known one (Twilio may have added it): a warning, not an error': `
account:
  filters: onMessageSend
`,
  'method and target in any case, even as JavaScript upper- and lower-cases them': `
account:
  method: poſt
  target: FLEX
services:
  - sid: ${SID.toUpperCase().replace('IS', 'IS')}
    method: GET
`,
  'target: webhook with a Kelvin sign, which lower-cases to k': `
account:
  target: webhooK
`,
  'URLs: scheme in any case, user info with %40, port, query and fragment, plain http': `
account:
  pre-webhook-url: HTTPS://user:p%40ss@hooks.example.com:8443/twilio/pre?x-vercel-protection-bypass=abc#frag
  post-webhook-url: http://hooks.example.com
`,
  '$${ is a literal ${': `
account:
  post-webhook-url: https://example.com/$\${literal}/events
`,
  'a variable in every kind of value': `
account:
  filters: \${EVENTS}
  method: \${METHOD}
  target: \${TARGET}
  post-webhook-url: \${PREVIEW_URL}/twilio/events
services:
  - sid: \${SERVICE_SID}
    filters: [onMessageAdded, '\${EVENTS}']
  - name: \${SERVICE_NAME}
    pre-webhook-url: \${PREVIEW_URL}/pre
`,
  'a name that looks like a number, quoted': `
services:
  - name: '123'
    method: POST
`,
  'JSON is YAML too': `{"account": {"filters": ["onMessageAdded"], "post-webhook-url": "https://api.example.com/hook"}}`,
};

/** Files both refuse. */
const INVALID: Record<string, string> = {
  'an empty file': '',
  'a list at the top': '- account: {}\n',
  'a scalar at the top': 'account\n',
  'an unknown top-level key': 'account:\n  method: POST\nacount:\n  method: GET\n',
  'a $schema key (editors take the schema from a comment, not a key)':
    '$schema: https://example.com/s.json\naccount:\n  method: POST\n',
  'a mapping that manages nothing': '{}\n',
  'services: [] alone manages nothing': 'services: []\n',
  'account: {} manages nothing': 'account: {}\n',
  'account without a value': 'account:\nservices:\n  - sid: ' + SID + '\n    method: POST\n',
  'services without a value': 'account:\n  method: POST\nservices:\n',
  'services as a mapping': `services:\n  sid: ${SID}\n  method: POST\n`,
  'a service that is a string': `services:\n  - ${SID}\n`,
  'a service with a target': `services:\n  - sid: ${SID}\n    target: webhook\n`,
  'a service with neither sid nor name': 'services:\n  - method: POST\n',
  'a service with both sid and name': `services:\n  - sid: ${SID}\n    name: Support desk\n    method: POST\n`,
  'a service that manages nothing': `services:\n  - sid: ${SID}\n`,
  'an unknown key in a service': `services:\n  - sid: ${SID}\n    post-webhook-uri: https://a.example.com\n`,
  'an unknown key in the account': 'account:\n  post-webhook-uri: https://a.example.com\n',
  'a sid with a lower-case prefix': `services:\n  - sid: is${SID.slice(2)}\n    method: POST\n`,
  'a sid too short': 'services:\n  - sid: IS0123\n    method: POST\n',
  'a sid that is a number': 'services:\n  - sid: 12345\n    method: POST\n',
  'a blank name': "services:\n  - name: '  '\n    method: POST\n",
  'a name that is a number': 'services:\n  - name: 123\n    method: POST\n',
  'method PUT': 'account:\n  method: PUT\n',
  'method with a space': "account:\n  method: ' GET'\n",
  'method as a boolean': 'account:\n  method: true\n',
  'target slack': 'account:\n  target: slack\n',
  'filters empty string': "account:\n  filters: ''\n",
  'filters empty list': 'account:\n  filters: []\n',
  'filters without a value': 'account:\n  filters:\n',
  'a blank filters item': "account:\n  filters: [onMessageAdded, '']\n",
  'a filters item that is a number': 'account:\n  filters: [1]\n',
  'none mixed with names in a string': 'account:\n  filters: none, onMessageAdded\n',
  'none mixed with names in a list': 'account:\n  filters: [none, onMessageAdded]\n',
  'none twice, spelled differently': 'account:\n  filters: none, None\n',
  'a name not in the shape of an event': 'account:\n  filters: onmessageadded\n',
  'two names without a comma or new line between them':
    'account:\n  filters: onMessageAdded onConversationUpdated\n',
  'a user event on a service': `services:\n  - sid: ${SID}\n    filters: onMessageAdded, onUserAdded\n`,
  'a user event on a service, in a list': `services:\n  - sid: ${SID}\n    filters: [onUserUpdated]\n`,
  'a URL with another scheme': 'account:\n  post-webhook-url: ftp://example.com/hook\n',
  'a URL without a scheme': 'account:\n  post-webhook-url: example.com/hook\n',
  'a URL without a host': 'account:\n  post-webhook-url: https:///hook\n',
  'a URL with a space': "account:\n  post-webhook-url: 'https://example.com/a hook'\n",
  'a URL with a tab': 'account:\n  post-webhook-url: "https://exa\\tmple.com/hook"\n',
  'a URL with a backslash': "account:\n  post-webhook-url: 'https://example.com\\hook'\n",
  'a URL whose user info holds a raw @':
    'account:\n  pre-webhook-url: https://a@b@example.com/hook\n',
  'a URL that is a number': 'account:\n  pre-webhook-url: 42\n',
  'a URL without a value': 'account:\n  post-webhook-url:\n',
  'none with spaces around it, as a URL': "account:\n  post-webhook-url: ' none'\n",
  '${ without a name': 'account:\n  post-webhook-url: https://example.com/${\n',
  '${ with a name that starts with a digit': 'account:\n  post-webhook-url: ${1URL}/hook\n',
  'a runner variable': 'account:\n  post-webhook-url: ${GITHUB_SERVER_URL}/hook\n',
  'a runner variable in lower case': 'account:\n  post-webhook-url: ${runner_temp}/hook\n',
  'a runner variable in a sid': 'services:\n  - sid: ${INPUT_SID}\n    method: POST\n',
  'a key given twice (the editor reads it as YAML that is not valid)':
    'account:\n  method: POST\n  method: GET\n',
  'two YAML documents': 'account:\n  method: POST\n---\naccount:\n  method: GET\n',
};

/** What only the parser can refuse: the schema accepts these, the action does not. */
const PARSER_ONLY: Record<string, { readonly yaml: string; readonly why: RegExp }> = {
  'a variable that is not set': {
    yaml: 'account:\n  post-webhook-url: ${UNSET_URL}/hook\n',
    why: /not set in the environment/,
  },
  'a variable that is set but empty': {
    yaml: 'account:\n  post-webhook-url: ${EMPTY}/hook\n',
    why: /set but empty/,
  },
  'a variable whose value is not a URL': {
    yaml: 'account:\n  post-webhook-url: ${BAD_URL}\n',
    why: /not a url|absolute/i,
  },
  'a variable whose value is a blank name': {
    yaml: 'services:\n  - name: ${BLANK}\n    method: POST\n',
    why: /blank/,
  },
  'a port out of range (a URL parser refuses the host)': {
    yaml: 'account:\n  post-webhook-url: https://example.com:99999/hook\n',
    why: /no valid host/,
  },
  'an empty host before a port': {
    yaml: 'account:\n  post-webhook-url: https://:8080/hook\n',
    why: /no valid host/,
  },
  'an IPv6 host without its closing bracket': {
    yaml: 'account:\n  post-webhook-url: https://[::1/hook\n',
    why: /no valid host/,
  },
  'a near miss of a known event (one letter short)': {
    yaml: 'account:\n  filters: onMesageAdded\n',
    why: /Did you mean onMessageAdded/,
  },
  'a near miss of a known event (the wrong tense)': {
    yaml: 'account:\n  filters: [onDeliveryUpdate]\n',
    why: /Did you mean onDeliveryUpdated/,
  },
  'a known event in the wrong case': {
    yaml: 'account:\n  filters: onMESSAGEADDED\n',
    why: /not a Conversations event/,
  },
  'the same service twice by sid': {
    yaml: `services:\n  - sid: ${SID}\n    method: POST\n  - sid: ${SID}\n    method: GET\n`,
    why: /already configures that service/,
  },
  'the same service twice, its hex digits in another case': {
    yaml: `services:\n  - sid: ${SID}\n    method: POST\n  - sid: IS${SID.slice(2).toUpperCase()}\n    method: GET\n`,
    why: /already configures that service/,
  },
  'the same service twice by name': {
    yaml: 'services:\n  - name: Support desk\n    method: POST\n  - name: Support desk\n    method: GET\n',
    why: /already configures that service/,
  },
};

/** Where the schema is stricter than the parser. */
const SCHEMA_ONLY: Record<string, string> = {
  'a filters list of "none" twice (the parser reads it as one "none")':
    'account:\n  filters: [none, none]\n',
};

describe('schema/desired-state.schema.json', () => {
  it('is a draft-07 schema, ready for SchemaStore: $id on the default branch, title, description', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe(SCHEMA_URL);
    // mode: export names the same schema in the file's first line, for editors.
    expect(DESIRED_STATE_SCHEMA_URL).toBe(SCHEMA_URL);
    expect(schema.title).toMatch(/\w{10}/);
    expect(schema.description).toMatch(/\w{10}/);
  });

  it('states, in its description, what only the action checks', () => {
    const description = String(schema.description);
    for (const what of ['${NAME}', 'host', 'near miss', 'once', 'stricter']) {
      expect(description).toContain(what);
    }
  });

  it.each(Object.entries(VALID))('accepts, as the action does: %s', (_, yaml) => {
    const v = verdicts(yaml);
    expect(v.parser).toEqual([]);
    expect(v.schema).toEqual([]);
  });

  it.each(Object.entries(INVALID))('refuses, as the action does: %s', (_, yaml) => {
    const v = verdicts(yaml);
    expect(v.parser.length, 'the action refuses it').toBeGreaterThan(0);
    expect(schemaValid(v), 'the schema refuses it').toBe(false);
  });

  it.each(Object.entries(PARSER_ONLY))(
    'accepts what only the action can refuse: %s',
    (_, { yaml, why }) => {
      const v = verdicts(yaml);
      expect(v.schema).toEqual([]);
      expect(v.parser.join('\n')).toMatch(why);
    },
  );

  it.each(Object.entries(SCHEMA_ONLY))('is stricter than the action: %s', (_, yaml) => {
    const v = verdicts(yaml);
    expect(v.parser).toEqual([]);
    expect(schemaValid(v)).toBe(false);
  });

  it('has a valid fixture for every key it knows', () => {
    const definitions = schema.definitions as Record<string, { properties?: object }>;
    const keys = new Set([
      ...Object.keys(schema.properties as object),
      ...Object.keys(definitions.account?.properties ?? {}),
      ...Object.keys(definitions.service?.properties ?? {}),
    ]);
    const used = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          used.add(key);
          collect(value);
        }
      }
    };
    for (const yaml of Object.values(VALID)) collect(parse(yaml));
    expect([...keys].filter((key) => !used.has(key))).toEqual([]);
    expect(keys.size).toBe(9);
  });

  it('has an invalid fixture for every kind of refusal it can express', () => {
    const keywords = new Set(
      Object.values(INVALID).flatMap((yaml) => {
        const { schema: errors } = verdicts(yaml);
        return errors === 'not YAML' ? ['not YAML'] : errors.map((e) => e.keyword);
      }),
    );
    for (const keyword of [
      'type',
      'additionalProperties',
      'required',
      'anyOf',
      'oneOf',
      'pattern',
      'minItems',
      'minProperties',
      'not YAML',
    ]) {
      expect(keywords, keyword).toContain(keyword);
    }
  });
});
