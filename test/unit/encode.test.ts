import { describe, expect, it } from 'vitest';
import { encodeUpdate } from '../../src/twilio-client.js';

/** The form body as the ordered list of its name/value pairs, decoded. */
const pairs = (body: string) => [...new URLSearchParams(body)];

describe('encodeUpdate', () => {
  it('sends nothing for an empty update', () => {
    expect(encodeUpdate({})).toBe('');
  });

  it('repeats Filters in the given order, as Twilio’s helpers do', () => {
    expect(encodeUpdate({ filters: ['onMessageAdded', 'onParticipantAdded'] })).toBe(
      'Filters=onMessageAdded&Filters=onParticipantAdded',
    );
    expect(encodeUpdate({ filters: ['onParticipantAdded', 'onMessageAdded', 'onUserAdded'] })).toBe(
      'Filters=onParticipantAdded&Filters=onMessageAdded&Filters=onUserAdded',
    );
    expect(encodeUpdate({ filters: ['onMessageAdd'] })).toBe('Filters=onMessageAdd');
  });

  it('clears the filters with one empty Filters', () => {
    expect(encodeUpdate({ filters: [] })).toBe('Filters=');
  });

  it('clears a URL with an empty value', () => {
    expect(encodeUpdate({ pre_webhook_url: null })).toBe('PreWebhookUrl=');
    expect(encodeUpdate({ post_webhook_url: null })).toBe('PostWebhookUrl=');
    expect(encodeUpdate({ filters: [], pre_webhook_url: null })).toBe('Filters=&PreWebhookUrl=');
  });

  it.each([
    [{ method: 'GET' } as const, 'Method=GET'],
    [{ method: 'POST' } as const, 'Method=POST'],
    [{ target: 'flex' } as const, 'Target=flex'],
    [{ target: 'webhook' } as const, 'Target=webhook'],
  ])('sends only the given field: %j', (update, body) => {
    expect(encodeUpdate(update)).toBe(body);
  });

  it('sends the fields under Twilio’s form names, in a fixed order', () => {
    const body = encodeUpdate({
      target: 'webhook',
      post_webhook_url: 'https://b.example/post',
      method: 'POST',
      pre_webhook_url: 'https://a.example/pre',
      filters: ['onMessageAdd', 'onMessageAdded'],
    });
    expect(pairs(body)).toEqual([
      ['Filters', 'onMessageAdd'],
      ['Filters', 'onMessageAdded'],
      ['Method', 'POST'],
      ['PreWebhookUrl', 'https://a.example/pre'],
      ['PostWebhookUrl', 'https://b.example/post'],
      ['Target', 'webhook'],
    ]);
  });

  it('percent-encodes special characters so that a URL stays one value', () => {
    const url = 'https://u:p@ss@a.example/p?x=1&y=ä b#frag+%2F';
    const body = encodeUpdate({ method: 'GET', post_webhook_url: url, target: 'flex' });
    expect(body).toBe(
      'Method=GET&PostWebhookUrl=https%3A%2F%2Fu%3Ap%40ss%40a.example%2Fp%3Fx%3D1%26y%3D%C3%A4+b%23frag%2B%252F&Target=flex',
    );
    expect(body.split('&')).toHaveLength(3);
    expect(pairs(body)[1]).toEqual(['PostWebhookUrl', url]);
  });

  it('round-trips every value through form decoding', () => {
    const update = {
      pre_webhook_url: 'https://a.example/pre?a=1&b=2;c=3',
      post_webhook_url: "https://a.example/post/!*'()~=&",
    };
    expect(Object.fromEntries(pairs(encodeUpdate(update)))).toEqual({
      PreWebhookUrl: update.pre_webhook_url,
      PostWebhookUrl: update.post_webhook_url,
    });
  });
});
