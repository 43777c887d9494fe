import packageJson from '../../package.json' with { type: 'json' };

const VERSION: string = packageJson.version;
export const USER_AGENT = `twilio-conversations-webhooks-action/${VERSION} node/${process.version}`;
