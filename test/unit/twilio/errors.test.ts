import { describe, expect, it } from 'vitest';
import {
  describeErrorBody,
  htmlTitle,
  TransportError,
  TwilioApiError,
  UnexpectedAnswerError,
} from '../../../src/twilio/errors.js';
import type { TransportFailure } from '../../../src/twilio/errors.js';
import { COMMANDS } from '../fixtures.js';

const GET = 'GET /v1/Configuration/Webhooks';

describe('TwilioApiError', () => {
  it('says who answered what to which request, and keeps the details', () => {
    const error = new TwilioApiError(GET, 429, { code: 20429, description: 'too many' }, '3');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TwilioApiError');
    expect(error.message).toBe(`Twilio answered 429 to ${GET}: too many`);
    expect([error.request, error.status, error.code, error.retryAfter]).toEqual([
      GET,
      429,
      20429,
      '3',
    ]);
  });

  it.each([
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [409, false],
    [422, false],
  ])('answers %d: transient %s', (status, transient) => {
    const error = new TwilioApiError(GET, status, { code: undefined, description: 'x' });
    expect(error.transient).toBe(transient);
    expect(error.retryAfter).toBeUndefined();
  });
});

describe('UnexpectedAnswerError', () => {
  it('says which request got which status with what', () => {
    const error = new UnexpectedAnswerError(GET, 200, 'JSON without the field(s) url');
    expect(error.name).toBe('UnexpectedAnswerError');
    expect(error.request).toBe(GET);
    expect(error.message).toBe(`Twilio answered 200 to ${GET} with JSON without the field(s) url.`);
  });
});

describe('TransportError', () => {
  it.each<[TransportFailure, boolean, boolean]>([
    ['timeout', true, true],
    ['connection', true, true],
    ['refused', true, false],
    ['dns', false, false],
    ['tls', false, false],
    ['too-large', false, true],
  ])('%s: transient %s, may have been sent %s', (failure, transient, mayHaveBeenSent) => {
    const cause = new Error('socket');
    const error = new TransportError(GET, failure, 'it broke', cause);
    expect(error.name).toBe('TransportError');
    expect(error.message).toBe(`${GET} failed: it broke.`);
    expect(error.cause).toBe(cause);
    expect([error.failure, error.transient, error.mayHaveBeenSent]).toEqual([
      failure,
      transient,
      mayHaveBeenSent,
    ]);
  });
});

describe('describeErrorBody: Twilio’s error JSON', () => {
  it('shows all four fields and keeps the code', () => {
    const body = JSON.stringify({
      code: 20404,
      message: 'The requested resource was not found',
      more_info: 'https://www.twilio.com/docs/errors/20404',
      status: 404,
    });
    expect(describeErrorBody(body, 'application/json')).toEqual({
      code: 20404,
      description:
        'error 20404: The requested resource was not found (status 404, more info: https://www.twilio.com/docs/errors/20404)',
    });
  });

  it.each([
    [
      { message: 'no code' },
      undefined,
      'error without a code: no code (status not given, more info: none)',
    ],
    [{ code: 'E1' }, undefined, 'error E1: (no message) (status not given, more info: none)'],
    [
      { code: 1, message: { nested: true }, status: null },
      1,
      'error 1: {\\"nested\\":true} (status not given, more info: none)',
    ],
  ])('fills what is missing from %j', (json, code, description) => {
    expect(describeErrorBody(JSON.stringify(json), undefined)).toEqual({ code, description });
  });

  it('cuts every field to 300 characters', () => {
    const { description } = describeErrorBody(
      JSON.stringify({ code: 1, message: 'm'.repeat(1_000) }),
      undefined,
    );
    expect(description).toContain(`${'m'.repeat(300)}…`);
    expect(description).not.toContain('m'.repeat(301));
  });
});

describe('describeErrorBody: other bodies', () => {
  it.each([
    [
      '<html><head><title> 502 Bad Gateway </title></head></html>',
      'text/html',
      ' ("502 Bad Gateway")',
    ],
    ['  <!doctype html><TITLE>Proxy says no</TITLE>', undefined, ' ("Proxy says no")'],
    ['no markup at all', 'text/html; charset=utf-8', ''],
    ['<html><body>no title</body></html>', undefined, ''],
  ])('shows the title of the HTML page %j', (text, contentType, title) => {
    expect(describeErrorBody(text, contentType)).toEqual({
      code: undefined,
      description: `an HTML page instead of Twilio's JSON, probably from a proxy${title}.`,
    });
  });

  it.each([
    ['', 'an empty body.'],
    ['  \n ', 'an empty body.'],
    ['Service Unavailable', `a body that is not Twilio's error JSON: "Service Unavailable"`],
    ['[1,2]', `a body that is not Twilio's error JSON: "[1,2]"`],
    ['{"error":"x"}', `a body that is not Twilio's error JSON: "{\\"error\\":\\"x\\"}"`],
  ])('describes %j', (text, description) => {
    expect(describeErrorBody(text, 'text/plain')).toEqual({ code: undefined, description });
  });

  it('cuts a long body to 120 characters', () => {
    const { description } = describeErrorBody('b'.repeat(1_000), undefined);
    expect(description).toBe(`a body that is not Twilio's error JSON: "${'b'.repeat(120)}…"`);
  });
});

describe('describeErrorBody: workflow commands from the network', () => {
  it.each([
    ['Twilio’s JSON', JSON.stringify({ code: 1, message: COMMANDS, more_info: COMMANDS })],
    ['an HTML title', `<html><title>${COMMANDS}</title></html>`],
    ['a plain body', `oops${COMMANDS}`],
  ])('keeps them inside one line, in %s', (_case, body) => {
    const { description } = describeErrorBody(body, undefined);
    expect(description).toContain('::add-mask::x');
    expect(description).not.toMatch(/[\r\n]/);
  });
});

describe('htmlTitle', () => {
  it.each([
    ['<title>One</title><title>Two</title>', 'One'],
    ['<TITLE lang="en">\n  Spaced  \n</TITLE>', 'Spaced'],
    ['<html><title>Kept <b>as</b> is</title>', 'Kept <b>as</b> is'],
  ])('finds the first title of %j', (html, title) => {
    expect(htmlTitle(html)).toBe(title);
  });

  it.each([
    ['no title', '<html><body>x</body></html>'],
    ['an empty title', '<title>  </title>'],
    ['an unclosed title', '<title>forever'],
    ['an unclosed tag', '<title'],
    ['a title past the first 64 KiB', `${' '.repeat(70_000)}<title>late</title>`],
  ])('finds none with %s', (_case, html) => {
    expect(htmlTitle(html)).toBeUndefined();
  });

  it.each([
    ['open tags', '<title'.repeat(400_000)],
    ['an endless title', `<title>${'a'.repeat(2_000_000)}`],
    ['closing tags', '</title>'.repeat(250_000)],
  ])('returns for 2 MB of crafted %s', (_case, html) => {
    expect(htmlTitle(html)).toBeUndefined();
    expect(describeErrorBody(html, 'text/html').description).toBe(
      "an HTML page instead of Twilio's JSON, probably from a proxy.",
    );
  });
});
