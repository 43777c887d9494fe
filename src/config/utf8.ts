// UTF-8, strictly: a desired-state file saved as Latin-1 would put U+FFFD into a URL sent to
// Twilio. The first invalid byte is found to name its line and column.
import { DesiredStateError } from '../model/desired.js';

export function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    const invalid = firstInvalid(bytes);
    if (invalid === undefined) throw error;
    const { offset, problem } = invalid;
    const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
    const line = bytes.subarray(0, lineStart).filter((byte) => byte === 0x0a).length + 1;
    const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
    const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new DesiredStateError(path, [
      {
        line,
        key: '',
        message: `the file is not valid UTF-8 at column ${before.length + 1}: byte 0x${hex} ${problem}. Save it as UTF-8.`,
      },
    ]);
  }
}

/** The first byte of the first ill-formed sequence, by the table of well-formed UTF-8. */
function firstInvalid(bytes: Uint8Array): { offset: number; problem: string } | undefined {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset] ?? 0;
    const [length, low, high] = sequence(lead);
    if (length === 0) {
      const problem =
        lead <= 0xbf ? 'continues a character that never started' : 'never appears in UTF-8';
      return { offset, problem };
    }
    for (let next = 1; next < length; next++) {
      const byte = bytes[offset + next];
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) {
        return {
          offset,
          problem:
            'starts a character that the bytes after it do not complete (text saved as Latin-1 or Windows-1252 looks like this)',
        };
      }
    }
    offset += length;
  }
  return undefined;
}

/** The length of the sequence `lead` starts, and the range of its second byte; 0 if none. */
function sequence(lead: number): readonly [length: number, low: number, high: number] {
  if (lead < 0x80) return [1, 0, 0];
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}
