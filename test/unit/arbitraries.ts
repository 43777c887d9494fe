// Generators shared by the property tests. fc.webUrl builds its character tables on first use,
// which costs about half a second in every test file that calls it; this one draws the same
// shapes (scheme, host or IP, port, path, query, fragment, every character the URL standard
// leaves unencoded there, and percent-escapes) from small tables.
import fc from 'fast-check';

const UNRESERVED = 'abcxyzABCXYZ0123456789-._~';
const SUB_DELIMS = "!$&'()*+,;=";
const ESCAPES = ['%20', '%2F', '%40', '%C3%A4', '%25'];

const chars = (extra: string) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...Array.from(`${UNRESERVED}${SUB_DELIMS}${extra}`)) },
    { weight: 1, arbitrary: fc.constantFrom(...ESCAPES) },
  );
const text = (extra: string, maxLength: number) => fc.string({ unit: chars(extra), maxLength });

/** An absolute http(s) URL written in full, as a person would configure one. */
export const webUrl: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('http', 'https', 'HTTPS'),
    fc.webAuthority({ withIPv4: true, withIPv6: true, withPort: true }),
    fc.array(text(':@', 10), { maxLength: 4 }),
    fc.option(text(':@/?', 20), { nil: undefined }),
    fc.option(text(':@/?#', 12), { nil: undefined }),
  )
  .map(
    ([scheme, authority, segments, query, fragment]) =>
      `${scheme}://${authority}${segments.map((s) => `/${s}`).join('')}${query === undefined ? '' : `?${query}`}${fragment === undefined ? '' : `#${fragment}`}`,
  );
