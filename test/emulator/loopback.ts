// What every emulator server here shares: listening on loopback, keeping count of its sockets and
// timers so that close() ends everything at once (keep-alive and stalled connections included, so
// that no test process is kept alive), and reading a request's headers and form.
// Self-contained (node: built-ins only) and erasable TypeScript only.
import type { IncomingMessage, Server } from 'node:http';
import type { Server as TlsServer } from 'node:https';
import type { Duplex } from 'node:stream';

export interface Served {
  /** The bound address as a URL wants it (IPv6 in brackets) and the port. */
  readonly host: string;
  readonly port: number;
  /** Resolves after `ms`; never, if close() comes first. */
  readonly pause: (ms: number) => Promise<void>;
  /** Destroys this socket too on close() (for sockets the server did not accept itself). */
  readonly track: (socket: Duplex) => void;
  /** Stops listening, clears pending timers and destroys every connection. */
  readonly close: () => Promise<void>;
}

export async function serve(
  server: Server | TlsServer,
  options: { host?: string; port?: number } = {},
): Promise<Served> {
  const sockets = new Set<Duplex>();
  const timers = new Set<NodeJS.Timeout>();
  const track = (socket: Duplex): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  server.on('connection', track);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') {
    server.close();
    throw new Error('the server has no TCP address');
  }
  return {
    host: address.family === 'IPv6' ? `[${address.address}]` : address.address,
    port: address.port,
    pause: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      }),
    track,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** A request as the emulators record it. */
export interface RecordedRequest {
  method: string;
  /** The path without the query. */
  path: string;
  /** The raw query string without `?` ('' if none), byte for byte. */
  query: string;
  headers: Record<string, string>;
  body: string;
  /** Parsed form of a body sent as application/x-www-form-urlencoded; null otherwise. */
  form: Record<string, string[]> | null;
  at: number;
}

/** The record of `req` with its whole `body`; a form only where `withForm` (default always). */
export function recordOf(req: IncomingMessage, body: string, withForm = true): RecordedRequest {
  return {
    method: req.method ?? '',
    ...splitTarget(req.url ?? ''),
    headers: flatHeaders(req),
    body,
    form: withForm ? formOf(req, body) : null,
    at: Date.now(),
  };
}

/** A request's target split at the first `?`: the path, and the raw query without `?`. */
export function splitTarget(raw: string): { path: string; query: string } {
  const mark = raw.indexOf('?');
  return mark < 0
    ? { path: raw, query: '' }
    : { path: raw.slice(0, mark), query: raw.slice(mark + 1) };
}

/** Headers as one string each (repeated ones joined with ", "). */
export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** The body parsed as a form when the request says it is one (any charset); null otherwise. */
export function formOf(req: IncomingMessage, body: string): Record<string, string[]> | null {
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    return null;
  }
  const form: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) (form[key] ??= []).push(value);
  return form;
}

/** Calls `handle` with the whole body, as UTF-8, once it has arrived. */
export function withBody(req: IncomingMessage, handle: (body: string) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    handle(Buffer.concat(chunks).toString('utf8'));
  });
}
