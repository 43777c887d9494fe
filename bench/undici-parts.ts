// Reference point: the same GET with the parts of undici the action imports (src/http/undici.ts: its
// Agent and request from undici's own files, not its index), bundled with ncc like the action.
import { Agent, request } from '../src/http/undici.ts';

const { BENCH_URL = '', BENCH_USER = '', BENCH_PASSWORD = '' } = process.env;
const dispatcher = new Agent();
const response = await request(`${BENCH_URL}/v1/Configuration/Webhooks`, {
  dispatcher,
  headers: {
    accept: 'application/json',
    authorization: `Basic ${Buffer.from(`${BENCH_USER}:${BENCH_PASSWORD}`).toString('base64')}`,
  },
});
const body = (await response.body.json()) as { account_sid?: string };
if (response.statusCode !== 200 || body.account_sid === undefined) process.exitCode = 1;
await dispatcher.close();
