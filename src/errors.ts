import type { InputName } from './contract.js';

/** An input that cannot be used. Raised before any request is sent. */
export class InputError extends Error {
  readonly input: InputName;

  constructor(input: InputName, problem: string) {
    super(`Input '${input}' ${problem}`);
    this.name = 'InputError';
    this.input = input;
  }
}

/** Twilio answered, but not with what was asked for. */
export class TwilioApiError extends Error {
  readonly status: number;
  readonly retryable: boolean;

  constructor(status: number, message: string, retryable: boolean) {
    super(message);
    this.name = 'TwilioApiError';
    this.status = status;
    this.retryable = retryable;
  }
}

/** No usable answer at all: a timeout, a dropped connection, a body cut off. */
export class TransportError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TransportError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
