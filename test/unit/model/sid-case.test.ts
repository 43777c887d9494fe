// SIDs with upper-case hex digits: Twilio's pattern (`^IS[0-9a-fA-F]{32}$`) allows them, so a
// desired-state file may hold one (copied from an answer, say), and it names the same service as
// the SID in lower case. Each SID is kept as written.
import { describe, expect, it } from 'vitest';
import { parseDesiredState } from '../../../src/config/desired-state.js';
import { DesiredStateError } from '../../../src/model/desired.js';
import { resolveServices } from '../../../src/engine/resolve.js';

const FILE = 'twilio-webhooks.yml';
const LOWER = 'IS0123456789abcdef0123456789abcdef';
const UPPER = 'IS0123456789ABCDEF0123456789ABCDEF';
const OTHER = 'ISfedcba9876543210fedcba9876543210';

const file = (...sids: string[]) =>
  parseDesiredState(
    `services:\n${sids.map((sid) => `  - sid: ${sid}\n    method: GET\n`).join('')}`,
    FILE,
    {},
  );

describe('a service SID with upper-case hex digits', () => {
  it('is read from a desired-state file as written', () => {
    expect(file(UPPER, `IS${'aB'.repeat(16)}`).services.map(({ ref }) => ref)).toEqual([
      { sid: UPPER },
      { sid: `IS${'aB'.repeat(16)}` },
    ]);
  });

  it('names the same service as the SID in the other case: one entry per service', () => {
    const error = (() => {
      try {
        file(LOWER, UPPER);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DesiredStateError);
    expect((error as DesiredStateError).problems.map(({ key }) => key)).toEqual([
      'services[1].sid',
    ]);
  });

  it('is refused with a prefix in lower case, which the pattern does not allow', () => {
    expect(() => file(`is${UPPER.slice(2)}`)).toThrow(DesiredStateError);
  });

  it.each([
    ['the file in upper case, the list in lower case', UPPER, LOWER],
    ['the file in lower case, the list in upper case', LOWER, UPPER],
  ])('names the listed service whatever the case: %s', (_case, inFile, listed) => {
    const services = [
      { sid: OTHER, friendlyName: 'Sales' },
      { sid: listed, friendlyName: 'Support' },
    ];
    expect(resolveServices(file(inFile), services)).toEqual([
      {
        sid: listed,
        name: undefined,
        friendlyName: 'Support',
        desired: { method: 'GET' },
        line: 2,
      },
    ]);
  });
});
