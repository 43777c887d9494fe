// Parsers for the kinds of value inputs take (booleans, choices, durations, counts), each
// refusing with an error that names the input and says what would be valid.
import type { InputName, RawInputs } from './contract.js';
import { InvalidValue } from '../core/errors.js';
import { quote } from '../core/text.js';

/** An input that cannot be used. Raised before any request is sent. */
export class InputError extends Error {
  readonly input: InputName;

  constructor(input: InputName, problem: string) {
    super(`Input '${input}' ${problem}`);
    this.name = 'InputError';
    this.input = input;
  }
}

/** Runs a parser of plain values, naming the input in what it refuses. */
export function asInput<T>(name: InputName, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InvalidValue) throw new InputError(name, error.message);
    throw error;
  }
}

export function parseBoolean(inputs: RawInputs, name: InputName): boolean {
  return parseChoice(inputs, name, ['true', 'false']) === 'true';
}

/** One of `choices`, in any case. */
export function parseChoice<C extends string>(
  inputs: RawInputs,
  name: InputName,
  choices: readonly C[],
): C {
  const value = inputs[name].toLowerCase();
  const choice = choices.find((candidate) => candidate === value);
  if (choice !== undefined) return choice;
  const listed = `${choices.slice(0, -1).join(', ')} or ${choices.at(-1) ?? ''}`;
  throw new InputError(name, `is ${quote(inputs[name])}: must be ${listed}.`);
}

/**
 * Seconds with up to three decimals, converted once to whole milliseconds: every timer gets an
 * integer, whatever decimal was written (16.1 × 1000 is not 16100 in floating point).
 */
export function parseSecondsAsMs(
  inputs: RawInputs,
  name: InputName,
  range: { readonly min: number; readonly max: number },
): number {
  const value = inputs[name];
  const match = /^(\d{1,4})(?:\.(\d{1,3}))?$/.exec(value);
  const ms =
    match === null ? Number.NaN : Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
  if (!(ms >= range.min * 1000 && ms <= range.max * 1000)) {
    throw new InputError(
      name,
      `is ${quote(value)}: must be a number of seconds from ${range.min} to ${range.max}, with at most three decimals.`,
    );
  }
  return ms;
}

export function parseWholeNumber(
  inputs: RawInputs,
  name: InputName,
  range: { readonly min: number; readonly max: number },
): number {
  const value = inputs[name];
  if (/^\d{1,4}$/.test(value) && Number(value) >= range.min && Number(value) <= range.max) {
    return Number(value);
  }
  throw new InputError(
    name,
    `is ${quote(value)}: must be a whole number from ${range.min} to ${range.max}.`,
  );
}
