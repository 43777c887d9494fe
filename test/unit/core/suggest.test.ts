import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../../src/core/suggest.js';

const FIELDS = ['filters', 'method', 'pre-webhook-url', 'post-webhook-url', 'target'];

describe('closestMatch', () => {
  it.each([
    ['methd', 'method'],
    ['METHOD', 'method'],
    ['post_webhook_url', 'post-webhook-url'],
    ['prewebhookurl', 'pre-webhook-url'],
    ['targte', 'target'],
  ])('suggests %j for %j', (word, suggestion) => {
    expect(closestMatch(word, FIELDS)).toBe(suggestion);
  });

  it.each(['colour', 'x', '', 'webhook'])(
    'suggests nothing for %j, too far from them all',
    (word) => {
      expect(closestMatch(word, FIELDS)).toBeUndefined();
    },
  );

  it('allows 3 edits, or a third of a long word', () => {
    expect(closestMatch('abcxyz', ['abc'])).toBe('abc');
    expect(closestMatch('abwxyz', ['abc'])).toBeUndefined();
    const long = 'onConversationStateUpdated';
    expect(closestMatch('onConversationXXXXXXXXated', [long])).toBe(long);
    expect(closestMatch('onConversationXXXXXXXXXted', [long])).toBeUndefined();
  });

  it('keeps the first of equally close candidates, and the candidate’s own spelling', () => {
    expect(closestMatch('cat', ['Bat', 'hat'])).toBe('Bat');
    expect(closestMatch('cat', [])).toBeUndefined();
  });
});
