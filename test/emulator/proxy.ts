// A forward HTTP proxy for tests, on loopback, that forwards to loopback only. It speaks both ways
// a client uses a proxy: absolute-form requests (`GET http://127.0.0.1:1234/path HTTP/1.1`, what
// undici's ProxyAgent sends for an http: target) are forwarded, and `CONNECT host:port` (for an
// https: target) opens a blind tunnel. Each is recorded before anything else happens. With
// `requireAuth`, a request without the right `Proxy-Authorization: Basic …` gets 407 and a
// `Proxy-Authenticate` challenge, and goes nowhere.
// Self-contained (node: built-ins only) and erasable TypeScript only.
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { serve } from './loopback.ts';

export interface ProxiedRequest {
  /** The request's method: GET, POST, … or CONNECT. */
  method: string;
  /** Absolute URL for a forwarded request, `host:port` for CONNECT. */
  target: string;
  /** The Proxy-Authorization header as sent, or null. Never forwarded. */
  proxyAuthorization: string | null;
}

export interface ProxyOptions {
  /** Answer 407 unless the client sends these as Basic Proxy-Authorization. */
  requireAuth?: { username: string; password: string };
}

export interface TestProxy {
  /** http://127.0.0.1:port */
  readonly url: string;
  readonly requests: ProxiedRequest[];
  close(): Promise<void>;
}

const LOOPBACK: ReadonlySet<string> = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);
// Hop-by-hop headers (RFC 9110, 7.6.1) and the proxy's own: not forwarded.
const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export async function startProxy(options: ProxyOptions = {}): Promise<TestProxy> {
  const requests: ProxiedRequest[] = [];
  let track: (socket: Duplex) => void = () => undefined;
  const expected =
    options.requireAuth === undefined
      ? null
      : `Basic ${Buffer.from(`${options.requireAuth.username}:${options.requireAuth.password}`).toString('base64')}`;

  /** Records the request; false if it lacks the proxy credentials asked for. */
  const admit = (method: string, target: string, headers: IncomingHttpHeaders): boolean => {
    const proxyAuthorization = headers['proxy-authorization'] ?? null;
    requests.push({ method, target, proxyAuthorization });
    return expected === null || proxyAuthorization === expected;
  };

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const target = URL.parse(req.url ?? '');
    if (!admit(req.method ?? '', req.url ?? '', req.headers)) {
      res.writeHead(407, {
        'proxy-authenticate': 'Basic realm="test proxy"',
        'content-length': '0',
      });
      res.end();
      return;
    }
    if (target === null || target.protocol !== 'http:' || !LOOPBACK.has(target.hostname)) {
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end('the test proxy forwards absolute http: URLs on loopback only\n');
      return;
    }
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name)) headers[name] = value;
    }
    const upstream = httpRequest(
      {
        host: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port === '' ? 80 : Number(target.port),
        method: req.method ?? 'GET',
        path: `${target.pathname}${target.search}`,
        headers,
      },
      (answer) => {
        const back: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && !HOP_BY_HOP.has(name)) back[name] = value;
        }
        res.writeHead(answer.statusCode ?? 502, back);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (res.headersSent) res.destroy();
      else res.writeHead(502, { 'content-type': 'text/plain' }).end('upstream failed\n');
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  };

  const server = createServer(forward);
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    const target = req.url ?? '';
    const admitted = admit('CONNECT', target, req.headers);
    const [, host = '', port = ''] = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(target) ?? [];
    if (!admitted) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test proxy"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    if (!LOOPBACK.has(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    let established = false;
    const upstream: Socket = connect(Number(port), host.replace(/^\[|\]$/g, ''), () => {
      established = true;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => {
      if (established) client.destroy();
      else client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    });
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  });
  const served = await serve(server);
  track = served.track;

  return {
    url: `http://${served.host}:${String(served.port)}`,
    requests,
    close: served.close,
  };
}
