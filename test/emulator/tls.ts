// A throwaway self-signed TLS certificate for the emulators, made in-process: an EC P-256 key from
// node:crypto and a minimal X.509 v3 certificate (RFC 5280) encoded here in DER, so that no private
// key is committed and no `openssl` binary is needed. For tests only: it is valid for 127.0.0.1,
// ::1 and localhost, for 30 days from when the process made it, and trusted by nobody unless a test
// passes it as `ca`. Self-contained (node: built-ins only) and erasable TypeScript only.
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export interface TestCertificate {
  /** PKCS#8 private key, PEM. */
  key: string;
  /** The self-signed certificate, PEM; pass it as `ca` to trust it. */
  cert: string;
}

let cached: TestCertificate | undefined;

/** One certificate per process (key generation is cheap, but there is no reason to repeat it). */
export function selfSignedCertificate(): TestCertificate {
  cached ??= makeCertificate();
  return cached;
}

const DAY_MS = 86_400_000;

function makeCertificate(): TestCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ecdsaWithSha256 = der(0x30, oid('1.2.840.10045.4.3.2'));
  const commonName = der(0x30, oid('2.5.4.3'), der(0x0c, Buffer.from('twilio-emulator test')));
  const name = der(0x30, der(0x31, commonName));
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01; // positive and without a leading zero byte
  const now = Date.now();
  const subjectAltName = der(
    0x30,
    der(0x82, Buffer.from('localhost')), // dNSName [2]
    der(0x87, Buffer.from([127, 0, 0, 1])), // iPAddress [7]
    der(0x87, Buffer.from([...Array<number>(15).fill(0), 1])), // ::1
  );
  const tbs = der(
    0x30,
    der(0xa0, der(0x02, Buffer.from([2]))), // version v3
    der(0x02, serial),
    ecdsaWithSha256,
    name, // issuer = subject: self-signed
    der(0x30, time(new Date(now - DAY_MS)), time(new Date(now + 30 * DAY_MS))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    der(
      0xa3,
      der(
        0x30,
        extension('2.5.29.19', true, der(0x30)), // basicConstraints: not a CA
        extension('2.5.29.17', false, subjectAltName),
      ),
    ),
  );
  const signature = sign('sha256', tbs, privateKey); // DER-encoded ECDSA signature
  const certificate = der(0x30, tbs, ecdsaWithSha256, der(0x03, Buffer.from([0]), signature));
  return {
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    cert: pem('CERTIFICATE', certificate),
  };
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  const flag = critical ? [der(0x01, Buffer.from([0xff]))] : [];
  return der(0x30, oid(id), ...flag, der(0x04, value));
}

/** One DER tag-length-value. */
function der(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const length = body.length;
  let head: number[];
  if (length < 0x80) {
    head = [length];
  } else {
    const bytes: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
    head = [0x80 | bytes.length, ...bytes];
  }
  return Buffer.concat([Buffer.from([tag, ...head]), body]);
}

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const group = [arc & 0x7f];
    for (let value = arc >>> 7; value > 0; value >>>= 7) group.unshift((value & 0x7f) | 0x80);
    bytes.push(...group);
  }
  return der(0x06, Buffer.from(bytes));
}

/** UTCTime before 2050, GeneralizedTime from 2050 (RFC 5280, 4.1.2.5). */
function time(date: Date): Buffer {
  const digits = date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:T]/g, '');
  return date.getUTCFullYear() < 2050
    ? der(0x17, Buffer.from(digits.slice(2)))
    : der(0x18, Buffer.from(digits));
}

function pem(label: string, body: Buffer): string {
  const lines = body.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
