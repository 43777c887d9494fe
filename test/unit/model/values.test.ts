import { describe, expect, it } from 'vitest';
import { parseMethod, parseTarget, parseWebhookUrl, sidKey } from '../../../src/model/values.js';
import { invalidValue, OTHER_SERVICE, SERVICE } from '../fixtures.js';

describe('parseMethod', () => {
  it.each([
    ['GET', 'GET'],
    ['get', 'GET'],
    ['Get', 'GET'],
    ['POST', 'POST'],
    ['post', 'POST'],
    ['pOsT', 'POST'],
  ])('reads %j as %s', (value, method) => {
    expect(parseMethod(value)).toBe(method);
  });

  it.each(['PUT', 'PATCH', 'GETS', 'G E T', 'POST;', ''])('refuses %j', (value) => {
    expect(invalidValue(parseMethod, value).message).toBe(
      `is ${JSON.stringify(value)}: must be GET or POST.`,
    );
  });
});

describe('parseTarget', () => {
  it.each([
    ['webhook', 'webhook'],
    ['WEBHOOK', 'webhook'],
    ['flex', 'flex'],
    ['Flex', 'flex'],
  ])('reads %j as %s', (value, target) => {
    expect(parseTarget(value)).toBe(target);
  });

  it.each(['studio', 'webhooks', 'flex ', 'none', ''])('refuses %j', (value) => {
    expect(invalidValue(parseTarget, value).message).toBe(
      `is ${JSON.stringify(value)}: must be webhook or flex.`,
    );
  });
});

const URL_ADVICE =
  'Give an absolute http(s) URL such as https://example.com/twilio, or "none" to clear it.';

describe('parseWebhookUrl', () => {
  it.each(['none', 'NONE', 'None'])('clears with %j', (value) => {
    expect(parseWebhookUrl(value)).toBeNull();
  });

  it.each([
    'https://hooks.example.com',
    'https://hooks.example.com/',
    'https://Hooks.Example.com:8443/A/b/?x=1&y=%2F&z=a+b#frag',
    'HTTPS://HOOKS.EXAMPLE.COM/Pre',
    'http://hooks.example.com/plain',
    'https://hooks.example.com/%7Euser/./x',
    'https://xn--bcher-kva.example/',
    'https://user:p%40ss@hooks.example.com/post',
    'https://hooks.example.com/a@b?c=@#@',
    'https://[::1]:8443/twilio',
  ])('keeps %j byte for byte', (url) => {
    expect(parseWebhookUrl(url)).toBe(url);
  });

  it.each([
    [' https://hooks.example.com/x', 'it contains whitespace or control characters'],
    ['https://hooks.example.com/x ', 'it contains whitespace or control characters'],
    ['https://hooks.example.com/a b', 'it contains whitespace or control characters'],
    ['https://hooks.example.com/\tx', 'it contains whitespace or control characters'],
    ['https://hooks.example.com/x\n', 'it contains whitespace or control characters'],
    [
      'https://hooks.example.com/x\r\nX-Injected: 1',
      'it contains whitespace or control characters',
    ],
    ['https://hooks.example.com/\u0000', 'it contains whitespace or control characters'],
    ['https://hooks.example.com/\u0007', 'it contains whitespace or control characters'],
    ['https://hooks.example.com/\u007f', 'it contains whitespace or control characters'],
    ['https://hooks.example.com/\u00a0', 'it contains whitespace or control characters'],
    ['/relative/path', 'it is not an absolute URL'],
    ['hooks.example.com/post', 'it is not an absolute URL'],
    ['//hooks.example.com/post', 'it is not an absolute URL'],
    ['https://', 'it does not start with https:// and a host'],
    ['http:example.com', 'it does not start with http:// and a host'],
    ['https:example.com/post', 'it does not start with https:// and a host'],
    ['https:/example.com', 'it does not start with https:// and a host'],
    ['https:///example.com', 'it does not start with https:// and a host'],
    ['https:\\\\example.com', 'it contains a backslash'],
    ['https://example.com\\post', 'it contains a backslash'],
    ['https://exa mple.com', 'it contains whitespace or control characters'],
    ['https://example.com:99999/', 'it has no valid host'],
    ['https://exa%00mple.com/', 'it has no valid host'],
    ['ftp://hooks.example.com/post', 'its scheme is ftp, not http or https'],
    ['javascript:alert(1)', 'its scheme is javascript, not http or https'],
    ['file:///etc/passwd', 'its scheme is file, not http or https'],
    ['data:text/plain,x', 'its scheme is data, not http or https'],
  ])('refuses %j: %s', (value, problem) => {
    expect(invalidValue(parseWebhookUrl, value).message).toBe(
      `is ${JSON.stringify(value)}: ${problem}. ${URL_ADVICE}`,
    );
  });

  it.each([
    [
      'https://u:p@ss@example.com/post',
      'https://***@example.com/post',
      'its user info holds a raw "@": write it as %40',
    ],
    [
      'https://@@example.com/post',
      'https://***@example.com/post',
      'its user info holds a raw "@": write it as %40',
    ],
    [
      'https://hooks:pw@example.com/a b',
      'https://***@example.com/a b',
      'it contains whitespace or control characters',
    ],
    ['mailto:ops@example.com', 'mailto:***@example.com', 'its scheme is mailto, not http or https'],
  ])('refuses %j, quoting it as %j: %s', (value, shown, problem) => {
    expect(invalidValue(parseWebhookUrl, value).message).toBe(
      `is ${JSON.stringify(shown)}: ${problem}. ${URL_ADVICE}`,
    );
  });

  it.each([
    ['a long password, cut by the quote', `https://twilio:${'Zx9'.repeat(20)}@example.com/a b`],
    ['one slash', `https:/twilio:${'Zx9'.repeat(4)}@example.com`],
    ['backslashes', `https:\\\\twilio:${'Zx9'.repeat(4)}@example.com`],
    ['no slashes', `http:twilio:${'Zx9'.repeat(4)}@example.com`],
  ])('never shows the password of a refused URL (%s)', (_case, url) => {
    const message = invalidValue(parseWebhookUrl, url).message;
    expect(message).not.toContain('Zx9');
    expect(message).toContain('***@example.com');
  });
});

describe('sidKey', () => {
  it('is the same for a SID in either case of hex digit, and differs for another SID', () => {
    const upper = `IS${SERVICE.slice(2).toUpperCase()}`;
    expect(sidKey(upper)).toBe(sidKey(SERVICE));
    expect(sidKey(OTHER_SERVICE)).not.toBe(sidKey(SERVICE));
    // Only the digits: the pattern has the prefix in upper case only.
    expect(sidKey(`is${SERVICE.slice(2)}`)).not.toBe(sidKey(SERVICE));
  });
});
