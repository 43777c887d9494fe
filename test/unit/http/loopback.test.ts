import { describe, expect, it } from 'vitest';
import { isLoopback } from '../../../src/http/loopback.js';

describe('isLoopback', () => {
  it.each([
    ['http://localhost:3000', true],
    ['http://127.0.0.1', true],
    ['http://127.8.9.10:4010', true],
    ['http://[::1]:80', true],
    ['http://127.example.com', false],
    ['http://127.0.0.1.example.com', false],
    ['http://localhost.example.com', false],
    ['http://128.0.0.1', false],
    ['http://[::2]', false],
  ])('takes the host of %s for this machine: %s', (url, loopback) => {
    expect(isLoopback(new URL(url).hostname)).toBe(loopback);
  });
});
