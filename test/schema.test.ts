// schema/desired-state.schema.json is what editors check the desired-state file with; the action
// checks it with parseDesiredState (src/config/desired-state.ts). Every fixture below gets the
// same verdict from both, except the cases listed apart: what the parser checks and a schema
// cannot (the step's environment for ${NAME}, a URL's host as a URL parser reads it, near misses
// of known event names, a service or an address given twice), and the places where the schema is
// stricter.
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
const FLOW = 'FW0123456789abcdef0123456789abcdef';
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
  WA_ADDRESS: 'whatsapp:+15005550006',
  NUMBER: '+15005550007',
  ADDRESS_TYPE: 'whatsapp',
  AUTO: 'true',
  CREATION_TYPE: 'webhook',
  ADDRESS_EVENTS: 'onParticipantAdded, onDeliveryUpdated',
  FLOW_SID: 'FW00000000000000000000000000000001',
  RETRIES: '3',
  YES: 'yes',
  LONG_NAME: 'x'.repeat(300),
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
  'addresses: [] beside another key (no addresses, as services: [] is no services)':
    'account:\n  method: POST\naddresses: []\n',
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
  "README's example with an address, as docs/desired-state.md writes it": `
services:
  - name: Support desk
    post-webhook-url: \${PREVIEW_URL}/twilio
addresses:
  - address: '+15005550006'
    type: sms
    friendly-name: Support line
    auto-creation:
      enabled: true
      type: webhook
      conversation-service: Support desk
      webhook-url: https://api.example.com/twilio/auto
      webhook-method: POST
      webhook-filters: [onMessageAdded, onParticipantAdded]
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
  'addresses only, type studio: a flow SID in upper case, a retry count as digits, a service by name': `
addresses:
  - address: 'whatsapp:+15005550006'
    auto-creation:
      enabled: false
      type: Studio
      conversation-service: Support desk
      studio-flow-sid: ${FLOW.toUpperCase()}
      studio-retry-count: '03'
`,
  'type default, with what every type has; enabled as text in any case': `
addresses:
  - address: support@example.com
    type: EMAIL
    auto-creation:
      type: default
      enabled: ' True '
      conversation-service: ${SID.toUpperCase()}
`,
  'a friendly-name alone manages an address; every type, any case, agreeing with the address': `
addresses:
  - address: '+15005550006'
    type: SMS
    friendly-name: Support line
  - address: 'whatsapp:+15005550006'
    type: WhatsApp
    friendly-name: Support on WhatsApp
  - address: 'Messenger:1234567890'
    type: messenger
    friendly-name: Support on Messenger
  - address: 'gbm:agent-1'
    type: gbm
    friendly-name: ''
  - address: support@example.com
    type: email
    friendly-name: Support mailbox
  - address: 'rcs:support_agent'
    type: rcs
    friendly-name: Support on RCS
  - address: 'urn:mbid:AQAAYyUbut6E4B3T9FLv5EbG'
    type: apple
    friendly-name: Support on Apple
  - address: support-chat
    type: chat
    friendly-name: Support chat
`,
  'webhook keys in every form: filters on lines and with duplicates, "none" in any case, method get': `
addresses:
  - address: '+15005550006'
    auto-creation:
      webhook-url: NONE
      webhook-method: get
      webhook-filters: |
        onMessageAdded, onMessageAdded
        onDeliveryUpdated
  - address: '+15005550007'
    auto-creation:
      type: WEBHOOK
      webhook-filters: None
  - address: '+15005550008'
    auto-creation:
      webhook-filters: [none]
      webhook-url: HTTPS://user:p%40ss@hooks.example.com:8443/twilio/auto?x=1#frag
`,
  'every post-event an address hears': `
addresses:
  - address: '+15005550006'
    auto-creation:
      webhook-filters: [onMessageAdded, onMessageUpdated, onMessageRemoved, onConversationUpdated, onConversationStateUpdated, onConversationRemoved, onParticipantAdded, onParticipantUpdated, onParticipantRemoved, 'onDeliveryUpdated, onMessageAdded']
`,
  'without auto-creation.type, webhook and studio keys go together (the live type decides)': `
addresses:
  - address: '+15005550006'
    auto-creation:
      webhook-url: https://api.example.com/twilio/auto
      studio-flow-sid: ${FLOW}
      studio-retry-count: 0
`,
  'auto-creation: {} beside a friendly-name': `
addresses:
  - address: '+15005550006'
    friendly-name: Support line
    auto-creation: {}
`,
  'a friendly-name of 256 characters, one of them outside the BMP': `
addresses:
  - address: '+15005550006'
    friendly-name: '${'x'.repeat(255)}😀'
`,
  'a variable in every kind of address value': `
addresses:
  - address: \${WA_ADDRESS}
    type: \${ADDRESS_TYPE}
    friendly-name: \${SERVICE_NAME} line
    auto-creation:
      enabled: \${AUTO}
      type: \${CREATION_TYPE}
      conversation-service: \${SERVICE_SID}
      webhook-url: \${PREVIEW_URL}/twilio/auto
      webhook-method: \${METHOD}
      webhook-filters: [onMessageAdded, '\${ADDRESS_EVENTS}']
  - address: 'whatsapp:\${NUMBER}'
    auto-creation:
      type: studio
      studio-flow-sid: \${FLOW_SID}
      studio-retry-count: \${RETRIES}
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
  'addresses: [] alone manages nothing': 'addresses: []\n',
  'addresses without a value': 'account:\n  method: POST\naddresses:\n',
  'addresses as a mapping': "addresses:\n  address: '+15005550006'\n  friendly-name: Support\n",
  'an address that is a string': "addresses:\n  - '+15005550006'\n",
  'an address entry without address': 'addresses:\n  - type: sms\n    friendly-name: Support\n',
  'an address that manages nothing': "addresses:\n  - address: '+15005550006'\n    type: sms\n",
  'auto-creation: {} alone manages nothing':
    "addresses:\n  - address: '+15005550006'\n    auto-creation: {}\n",
  'auto-creation without a value':
    "addresses:\n  - address: '+15005550006'\n    friendly-name: Support\n    auto-creation:\n",
  'auto-creation as a list':
    "addresses:\n  - address: '+15005550006'\n    auto-creation: [enabled]\n",
  'an unknown key in an address entry': `addresses:\n  - address: '+15005550006'\n    sid: IG${SID.slice(2)}\n    friendly-name: Support\n`,
  'an auto-creation key outside auto-creation':
    "addresses:\n  - address: '+15005550006'\n    webhook-url: https://a.example.com\n",
  'an unknown key in auto-creation':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      webhook-uri: https://a.example.com\n",
  'a blank address': "addresses:\n  - address: '  '\n    friendly-name: Support\n",
  'a phone number left unquoted (YAML reads a number)':
    'addresses:\n  - address: +15005550006\n    friendly-name: Support\n',
  'an address type that is not one':
    "addresses:\n  - address: '+15005550006'\n    type: voice\n    friendly-name: Support\n",
  'an address type with a space':
    "addresses:\n  - address: support@example.com\n    type: ' email'\n    friendly-name: Support\n",
  'a type the whatsapp: address contradicts':
    "addresses:\n  - address: 'whatsapp:+15005550006'\n    type: sms\n    friendly-name: Support\n",
  'a type the WhatsApp: address contradicts, its prefix in another case':
    "addresses:\n  - address: 'WhatsApp:+15005550006'\n    type: sms\n    friendly-name: Support\n",
  'a type the messenger: address contradicts':
    "addresses:\n  - address: 'messenger:1234567890'\n    type: whatsapp\n    friendly-name: Support\n",
  'a type the phone number contradicts':
    "addresses:\n  - address: '+15005550006'\n    type: whatsapp\n    friendly-name: Support\n",
  'a friendly-name of 257 characters': `addresses:\n  - address: '+15005550006'\n    friendly-name: '${'x'.repeat(257)}'\n`,
  'a friendly-name that is a number':
    "addresses:\n  - address: '+15005550006'\n    friendly-name: 42\n",
  'enabled: yes (a string in YAML 1.2)':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      enabled: yes\n",
  'enabled: 1': "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      enabled: 1\n",
  'auto-creation type slack':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      type: slack\n",
  'a blank conversation-service':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      conversation-service: ''\n",
  'a conversation-service that is a number':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      conversation-service: 7\n",
  'a webhook-url with another scheme':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      webhook-url: ftp://example.com/hook\n",
  'webhook-method PUT':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      webhook-method: PUT\n",
  'webhook-filters with a pre-event':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      webhook-filters: onMessageAdd\n",
  'webhook-filters with a post-event only the account or a service hears':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      webhook-filters: [onMessageAdded, onConversationAdded]\n",
  'webhook-filters with a user event':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      webhook-filters: onUserUpdated\n",
  'webhook-filters: a well-formed name that is no event of the list (no warning here)':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      webhook-filters: onMessageSend\n",
  'webhook-filters: a known event in the wrong case':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      webhook-filters: onmessageadded\n",
  'webhook-filters: none mixed with names':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      webhook-filters: none, onMessageAdded\n",
  'webhook-filters: an empty list':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      webhook-filters: []\n",
  'a studio-flow-sid with a lower-case prefix': `addresses:\n  - address: '+15005550006'\n    auto-creation:\n      studio-flow-sid: fw${FLOW.slice(2)}\n`,
  'a studio-flow-sid too short':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      studio-flow-sid: FW0123\n",
  'a studio-retry-count below 0':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      studio-retry-count: -1\n",
  'a studio-retry-count that is not whole':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      studio-retry-count: 2.5\n",
  'a studio-retry-count that is words':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      studio-retry-count: three\n",
  'a studio-retry-count of ten digits':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      studio-retry-count: 1000000000\n",
  'type webhook with a studio key': `addresses:\n  - address: '+15005550006'\n    auto-creation:\n      type: webhook\n      studio-flow-sid: ${FLOW}\n`,
  'type studio with a webhook key':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      type: STUDIO\n      webhook-url: https://a.example.com\n",
  'type default with a webhook key':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      type: default\n      webhook-method: POST\n",
  'type default with a studio key':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      type: default\n      studio-retry-count: 3\n",
  'a runner variable in an address':
    'addresses:\n  - address: ${GITHUB_REPOSITORY}\n    friendly-name: Support\n',
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
  'the same address twice': {
    yaml: "addresses:\n  - address: '+15005550006'\n    friendly-name: A\n  - address: '+15005550006'\n    friendly-name: B\n",
    why: /already configures it/,
  },
  'the same address twice, once from a variable': {
    yaml: "addresses:\n  - address: ${WA_ADDRESS}\n    friendly-name: A\n  - address: 'whatsapp:+15005550006'\n    friendly-name: B\n",
    why: /already configures it/,
  },
  'a type that contradicts the address a variable gives': {
    yaml: 'addresses:\n  - address: ${WA_ADDRESS}\n    type: sms\n    friendly-name: Support\n',
    why: /says type whatsapp/,
  },
  'a variable whose value is not true or false': {
    yaml: "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      enabled: ${YES}\n",
    why: /must be true or false/,
  },
  'a variable whose value is not a number of retries': {
    yaml: "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      studio-retry-count: ${METHOD}\n",
    why: /whole number of retries/,
  },
  'a type from a variable, and a key of another type': {
    yaml: `addresses:\n  - address: '+15005550006'\n    auto-creation:\n      type: \${CREATION_TYPE}\n      studio-flow-sid: ${FLOW}\n`,
    why: /belongs to type studio/,
  },
  'a friendly-name longer than 256 characters once its variable is put in': {
    yaml: "addresses:\n  - address: '+15005550006'\n    friendly-name: ${LONG_NAME}\n",
    why: /characters long/,
  },
  'a webhook-url whose port a URL parser refuses': {
    yaml: "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      webhook-url: https://example.com:99999/auto\n",
    why: /no valid host/,
  },
};

/** Where the schema is stricter than the parser. */
const SCHEMA_ONLY: Record<string, string> = {
  'a filters list of "none" twice (the parser reads it as one "none")':
    'account:\n  filters: [none, none]\n',
  'a webhook-filters list of "none" twice (the parser reads it as one "none")':
    "addresses:\n  - address: '+15005550006'\n    auto-creation:\n      webhook-filters: [none, none]\n",
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
    for (const what of ['${NAME}', 'host', 'near miss', 'once', 'address', 'stricter']) {
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
      ...Object.keys(definitions.addressConfiguration?.properties ?? {}),
      ...Object.keys(definitions.autoCreation?.properties ?? {}),
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
    // account, services, addresses; the five webhook fields, sid and name; an address's address,
    // type, friendly-name and auto-creation; auto-creation's own seven besides its type.
    expect(keys.size).toBe(21);
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
      'maxLength',
      'minimum',
      'maximum',
      'if',
      'false schema',
      'not YAML',
    ]) {
      expect(keywords, keyword).toContain(keyword);
    }
  });
});
