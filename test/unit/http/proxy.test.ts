import { describe, expect, it } from 'vitest';
import { proxyFor } from '../../../src/http/proxy.js';

const TWILIO = 'https://conversations.twilio.com/v1/Configuration/Webhooks';
const PROXY = 'http://proxy.corp.example:3128';

describe('proxyFor', () => {
  it.each<[string, string, NodeJS.ProcessEnv, string | undefined]>([
    ['no proxy is set', TWILIO, {}, undefined],
    ['https_proxy, for https', TWILIO, { https_proxy: PROXY }, PROXY],
    ['HTTPS_PROXY, for https', TWILIO, { HTTPS_PROXY: PROXY }, PROXY],
    [
      'https_proxy before HTTPS_PROXY',
      TWILIO,
      { https_proxy: PROXY, HTTPS_PROXY: 'http://other:1' },
      PROXY,
    ],
    [
      'HTTPS_PROXY when https_proxy is empty',
      TWILIO,
      { https_proxy: '', HTTPS_PROXY: PROXY },
      PROXY,
    ],
    ['no http proxy for https', TWILIO, { http_proxy: PROXY }, undefined],
    ['http_proxy, for http', 'http://preview.example/hook', { http_proxy: PROXY }, PROXY],
    ['HTTP_PROXY, for http', 'http://preview.example/hook', { HTTP_PROXY: PROXY }, PROXY],
    ['no https proxy for http', 'http://preview.example/hook', { https_proxy: PROXY }, undefined],
    [
      'an https proxy as written',
      TWILIO,
      { https_proxy: 'HTTPS://proxy:8443' },
      'HTTPS://proxy:8443',
    ],
    [
      'a proxy without a scheme, as http',
      TWILIO,
      { https_proxy: 'proxy:3128' },
      'http://proxy:3128',
    ],
  ])('takes %s', (_case, target, env, proxy) => {
    expect(proxyFor(target, env)).toBe(proxy);
  });

  it.each([
    'http://localhost:4010/v1',
    'http://127.0.0.1:4010',
    'http://127.8.9.1',
    'http://[::1]:4010',
  ])('never proxies the loopback host of %s', (target) => {
    expect(proxyFor(target, { http_proxy: PROXY, https_proxy: PROXY })).toBeUndefined();
  });

  it.each([
    ['the host', 'conversations.twilio.com'],
    ['the host in another case, among others', ' Example.org ,CONVERSATIONS.twilio.com'],
    ['its domain', 'twilio.com'],
    ['its domain as a suffix', '.twilio.com'],
    ['the host and its default port', 'conversations.twilio.com:443'],
    ['everything', '*'],
    ['the host after empty entries', ',,conversations.twilio.com'],
  ])('bypasses the proxy when no_proxy lists %s (%j)', (_case, noProxy) => {
    expect(proxyFor(TWILIO, { https_proxy: PROXY, no_proxy: noProxy })).toBeUndefined();
    expect(proxyFor(TWILIO, { https_proxy: PROXY, NO_PROXY: noProxy })).toBeUndefined();
  });

  it.each([
    ['another host', 'api.twilio.com'],
    ['a name the host merely ends with', 'lio.com'],
    ['the host with another port', 'conversations.twilio.com:8443'],
    ['a subdomain of the host', 'eu.conversations.twilio.com'],
    ['a wildcard with a dot', '*.twilio.com'],
  ])('keeps the proxy when no_proxy lists %s (%j)', (_case, noProxy) => {
    expect(proxyFor(TWILIO, { https_proxy: PROXY, no_proxy: noProxy })).toBe(PROXY);
  });

  it('reads no_proxy before NO_PROXY', () => {
    expect(proxyFor(TWILIO, { https_proxy: PROXY, no_proxy: 'example.org', NO_PROXY: '*' })).toBe(
      PROXY,
    );
  });
});
