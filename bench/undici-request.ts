// Reference point: one authenticated GET with undici alone, bundled with ncc like the action.
// It shows what the HTTP client itself costs at start-up (its WebAssembly parser included).
import { request } from 'undici';

const { BENCH_URL = '', BENCH_USER = '', BENCH_PASSWORD = '' } = process.env;
const response = await request(`${BENCH_URL}/v1/Configuration/Webhooks`, {
  headers: {
    accept: 'application/json',
    authorization: `Basic ${Buffer.from(`${BENCH_USER}:${BENCH_PASSWORD}`).toString('base64')}`,
  },
});
const body = (await response.body.json()) as { account_sid?: string };
if (response.statusCode !== 200 || body.account_sid === undefined) process.exitCode = 1;
