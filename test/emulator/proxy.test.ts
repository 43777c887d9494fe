// The test proxy, driven by undici's ProxyAgent (what the client uses behind a proxy): absolute-form
// requests for http: targets (proxyTunnel: false), CONNECT tunnels (undici's default, and the only
// way to an https: target), recording, Proxy-Authorization, and loopback only.
import { ProxyAgent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, AUTH, failure, using } from '../support/emulator-tests.ts';
import { ownServer, useServer } from '../support/servers.ts';
import { startProxy } from './proxy.ts';
import { startTwilioEmulator } from './twilio-emulator.ts';

const emulator = useServer(() => startTwilioEmulator());
const proxy = useServer(() => startProxy());

/** A GET of `url` through a ProxyAgent (to the proxy by default); the status, the body read. */
function viaProxy(
  url: string,
  options: ProxyAgent.Options = { uri: proxy().url },
): Promise<number> {
  return using(
    new ProxyAgent(options),
    (agent) => agent.destroy(),
    async (agent) => {
      const response = await request(url, { dispatcher: agent, headers: { authorization: AUTH } });
      await response.body.text();
      return response.statusCode;
    },
  );
}

describe('the test proxy', () => {
  it('forwards an absolute-form request, without its Proxy-Authorization', async () => {
    const target = `${emulator().url}${ACCOUNT}?a=1`;
    const status = await viaProxy(target, {
      uri: proxy().url,
      proxyTunnel: false,
      token: 'Basic dXNlcjpwYXNz',
    });
    expect(status).toBe(200);
    expect(proxy().requests).toEqual([
      { method: 'GET', target, proxyAuthorization: 'Basic dXNlcjpwYXNz' },
    ]);
    expect(emulator().requests).toHaveLength(1);
    expect(emulator().requests[0]).toMatchObject({ path: ACCOUNT, query: 'a=1' });
    expect(emulator().requests[0]?.headers.authorization).toBe(AUTH);
    expect(emulator().requests[0]?.headers).not.toHaveProperty('proxy-authorization');
  });

  it('tunnels CONNECT to an http: target, as undici does by default', async () => {
    expect(await viaProxy(`${emulator().url}${ACCOUNT}`)).toBe(200);
    expect(proxy().requests).toEqual([
      { method: 'CONNECT', target: new URL(emulator().url).host, proxyAuthorization: null },
    ]);
  });

  it('tunnels CONNECT to an https: target, TLS end to end', async () => {
    const secure = await ownServer(startTwilioEmulator({ tls: true }));
    const status = await viaProxy(`${secure.url}${ACCOUNT}`, {
      uri: proxy().url,
      requestTls: { ca: secure.certificate ?? '' },
    });
    expect(status).toBe(200);
    expect(proxy().requests.map((r) => [r.method, r.target])).toEqual([
      ['CONNECT', new URL(secure.url).host],
    ]);
    expect(secure.requests).toHaveLength(1);
  });

  it('answers 407 without the credentials it requires, and forwards with them', async () => {
    const target = `${emulator().url}${ACCOUNT}`;
    const guarded = await ownServer(
      startProxy({ requireAuth: { username: 'user', password: 'pass' } }),
    );
    for (const proxyTunnel of [true, false]) {
      const refused = await failure(viaProxy(target, { uri: guarded.url, proxyTunnel }));
      expect(refused.message).toContain('407');
    }
    expect(emulator().requests).toEqual([]);
    const withCredentials = new URL(guarded.url);
    withCredentials.username = 'user';
    withCredentials.password = 'pass';
    expect(await viaProxy(target, { uri: withCredentials.href })).toBe(200);
    expect(guarded.requests.map((r) => r.method)).toEqual(['CONNECT', 'GET', 'CONNECT']);
  });

  it('forwards to loopback only', async () => {
    const absolute = await viaProxy('http://example.com/', {
      uri: proxy().url,
      proxyTunnel: false,
    });
    expect(absolute).toBe(403);
    const tunnel = await failure(viaProxy('https://example.com/'));
    expect(tunnel.message).toContain('403');
    expect(proxy().requests.map((r) => r.target)).toEqual([
      'http://example.com/',
      'example.com:443',
    ]);
  });
});
