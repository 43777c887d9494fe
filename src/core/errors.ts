/** A value that cannot be used, described without naming where it came from. */
export class InvalidValue extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'InvalidValue';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
