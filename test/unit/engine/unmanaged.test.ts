import { describe, expect, it } from 'vitest';
import { overriding, unmanagedFailures, unmanagedWarnings } from '../../../src/engine/unmanaged.js';
import { BLANK_CONFIG, listed, OTHER_SERVICE, SERVICE, service } from '../fixtures.js';

const FILE = 'twilio/webhooks.yml';

describe('overriding and unmanagedFailures', () => {
  const report = listed(
    service(),
    service({ sid: 'IS1', managed: true }),
    service({ sid: 'IS2', fires: 'account' }),
  );

  it('finds the services nobody declared whose own hooks fire, and only them', () => {
    expect(overriding(report).map((s) => s.sid)).toEqual([OTHER_SERVICE]);
    expect(overriding({ listed: false, problem: 'a 403' })).toEqual([]);
    expect(overriding(undefined)).toEqual([]);
  });

  it('fails the run for them under "fail" only', () => {
    expect(unmanagedFailures(report, 'fail')).toEqual([
      `1 service not declared overrides the account-wide configuration (unmanaged-services: fail): ${OTHER_SERVICE}.`,
    ]);
    expect(unmanagedFailures(report, 'warn')).toEqual([]);
    expect(unmanagedFailures(listed(service({ managed: true })), 'fail')).toEqual([]);
  });
});

describe('unmanagedWarnings', () => {
  const OVERRIDES =
    'has its own webhook configuration (pre-webhook-url https://sales.example.com/pre, post-webhook-url https://sales.example.com/post): it overrides the account-wide configuration, so for its conversations only its own hooks fire.';

  it('warns of each undeclared service whose own hooks fire', () => {
    const report = listed(
      service(),
      service({ sid: SERVICE, name: '', config: { ...BLANK_CONFIG, post_webhook_url: 'x' } }),
      service({ sid: 'IS1', managed: true }),
      service({ sid: 'IS2', fires: 'account' }),
    );
    expect(unmanagedWarnings(report, undefined)).toEqual([
      `Service ${OTHER_SERVICE} (Sales) is not declared and ${OVERRIDES}`,
      `Service ${SERVICE} is not declared and has its own webhook configuration (post-webhook-url x): it overrides the account-wide configuration, so for its conversations only its own hooks fire.`,
    ]);
  });

  it('names the file the service is not declared in', () => {
    expect(unmanagedWarnings(listed(service()), FILE)).toEqual([
      `Service ${OTHER_SERVICE} (Sales) is not declared in ${FILE} and ${OVERRIDES}`,
    ]);
  });

  it('says so when the services could not be listed', () => {
    expect(unmanagedWarnings({ listed: false, problem: 'a 403 from Twilio' }, undefined)).toEqual([
      'Could not check for services that override the account-wide configuration: a 403 from Twilio. Give the credential permission to list Conversations services, or set unmanaged-services: ignore.',
    ]);
  });

  it('has nothing to say when the services were not looked at', () => {
    expect(unmanagedWarnings(undefined, undefined)).toEqual([]);
  });
});
