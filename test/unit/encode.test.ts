import { describe, expect, it } from 'vitest';
import { encodeUpdate } from '../../src/twilio-client.js';

describe('encodeUpdate', () => {
  it('repeats Filters in order, as Twilio’s helpers do', () => {
    expect(encodeUpdate({ filters: ['onMessageAdded', 'onParticipantAdded'] })).toBe(
      'Filters=onMessageAdded&Filters=onParticipantAdded',
    );
  });

  it('sends cleared fields empty', () => {
    expect(encodeUpdate({ filters: [], pre_webhook_url: null })).toBe('Filters=&PreWebhookUrl=');
  });

  it('sends only the given fields, percent-encoded', () => {
    expect(
      encodeUpdate({
        method: 'GET',
        post_webhook_url: 'https://a.example/p?x=1&y=ä b',
        target: 'flex',
      }),
    ).toBe(
      'Method=GET&PostWebhookUrl=https%3A%2F%2Fa.example%2Fp%3Fx%3D1%26y%3D%C3%A4+b&Target=flex',
    );
    expect(encodeUpdate({})).toBe('');
  });
});
