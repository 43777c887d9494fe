import type { InputName } from '../config/contract.js';

/** A value that cannot be used, described without naming where it came from. */
export class InvalidValue extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'InvalidValue';
  }
}

/** An input that cannot be used. Raised before any request is sent. */
export class InputError extends Error {
  readonly input: InputName;

  constructor(input: InputName, problem: string) {
    super(`Input '${input}' ${problem}`);
    this.name = 'InputError';
    this.input = input;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
