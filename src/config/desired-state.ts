// The desired-state file: the account-wide configuration, any number of Conversations services and
// any number of Address Configurations in one YAML file (JSON is YAML too). Its field keys are the
// inputs' names and mean what the inputs mean, through the registry's parsers (src/model/fields.ts).
// Pure: text in, data out. The whole file is checked before anything is returned, and every
// problem is named with its line and key path, so that one run shows everything there is to fix.
import { isMap } from 'yaml';
import type { DesiredConfig } from '../model/fields.js';
import { DesiredStateError } from '../model/desired.js';
import type { DesiredState } from '../model/desired.js';
import { describe, isEmpty, isEmptyList } from './yaml-nodes.js';
import { YamlReader } from './yaml-reader.js';
import type { Entry } from './yaml-reader.js';
import { checkServices, readServices } from './desired-services.js';
import { keysOf, readFields } from './desired-fields.js';
import { readAddresses } from './desired-addresses.js';

const TOP_KEYS = ['account', 'services', 'addresses'];

/**
 * Reads and checks the whole desired-state file. `file` names it in messages; `env` supplies
 * `${NAME}`. Throws one DesiredStateError that lists every problem.
 */
export function parseDesiredState(
  text: string,
  file: string,
  env: NodeJS.ProcessEnv,
): DesiredState {
  const reader = new YamlReader(text, env);
  const state = readState(reader, file);
  if (reader.problems.length > 0) throw new DesiredStateError(file, reader.problems);
  return state;
}

function readState(reader: YamlReader, file: string): DesiredState {
  const empty: DesiredState = {
    file,
    account: undefined,
    services: [],
    addresses: [],
    variables: [],
  };
  const { top } = reader;
  if (top === undefined) return empty;
  if (isEmpty(top)) {
    reader.report(
      1,
      '',
      'is empty: expected a mapping with account, services, addresses or any of them.',
    );
    return empty;
  }
  if (!isMap(top)) {
    reader.report(
      reader.lineOf(top),
      '',
      `is ${describe(top)}: expected a mapping with account, services, addresses or any of them at the top level.`,
    );
    return empty;
  }
  const keys = reader.entries(top, '', 'the top level', TOP_KEYS);
  const account = keys.get('account');
  const listed = keys.get('services');
  const addressList = keys.get('addresses');
  const services = readServices(reader, listed);
  const addresses = readAddresses(reader, addressList);
  const absent = (entry: Entry | undefined) =>
    entry === undefined || isEmptyList(reader.resolve(entry.value));
  if (account === undefined && absent(listed) && absent(addressList)) {
    reader.report(
      1,
      '',
      'manages nothing: give account, services, addresses or any of them, with at least one field to manage.',
    );
  }
  return {
    file,
    account: account === undefined ? undefined : readAccount(reader, account),
    services: checkServices(reader, services),
    addresses,
    variables: reader.variables,
  };
}

function readAccount(reader: YamlReader, entry: Entry): DesiredConfig | undefined {
  const node = reader.resolve(entry.value);
  const keys = keysOf('account');
  const expected = `a mapping of the fields to manage (${keys.join(', ')})`;
  if (isEmpty(node)) {
    reader.report(
      entry.line,
      entry.path,
      `has no value: expected ${expected}. Leave account out to manage services only.`,
    );
    return undefined;
  }
  if (!isMap(node)) {
    reader.report(entry.line, entry.path, `is ${describe(node)}: expected ${expected}.`);
    return undefined;
  }
  const fields = readFields(reader, reader.entries(node, entry.path, entry.path, keys), 'account');
  if (!fields.managed) {
    reader.report(
      entry.line,
      entry.path,
      `manages nothing: give at least one of ${keys.join(', ')}.`,
    );
  }
  return fields.desired;
}
