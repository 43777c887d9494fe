// The floor: what Node itself needs to make one authenticated request and exit.
'use strict';
const http = require('node:http');

const { BENCH_URL, BENCH_USER, BENCH_PASSWORD } = process.env;
http.get(
  `${BENCH_URL}/v1/Configuration/Webhooks`,
  { auth: `${BENCH_USER}:${BENCH_PASSWORD}`, headers: { accept: 'application/json' } },
  (response) => {
    let body = '';
    response.setEncoding('utf8');
    response.on('data', (chunk) => (body += chunk));
    response.on('end', () => {
      if (response.statusCode !== 200 || !JSON.parse(body).account_sid) process.exitCode = 1;
    });
  },
);
