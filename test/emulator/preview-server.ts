// A stand-in for a webhook endpoint (a "preview" of where Twilio would send its hooks), for probe
// tests: real HTTP on loopback, recording every request and answering from a script. Each request
// takes the next scripted answer; once the script is used up, it gets 200 with an empty body.
// Self-contained (node: built-ins only) and erasable TypeScript only.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordOf, serve, withBody } from './loopback.ts';
import type { RecordedRequest } from './loopback.ts';

/** One scripted answer; 'reset' destroys the connection without a response. */
export type PreviewAnswer =
  | 'reset'
  | {
      /** Default 200. */
      status?: number;
      headers?: Record<string, string>;
      /** Default ''. Sent with a content-length. */
      body?: string;
      /** Answer this long after the request's body arrived (default at once). */
      delayMs?: number;
    };

/** method, path, raw query (byte for byte, as a signature covers it), headers, body, form, at. */
export type PreviewRequest = RecordedRequest;

export interface PreviewServer {
  /** http://127.0.0.1:port */
  readonly url: string;
  readonly requests: PreviewRequest[];
  /** Queues these answers, after any still queued, for the next requests in order. */
  script(answers: PreviewAnswer[]): void;
  /** Forgets the requests and the answers still queued, for the next test. */
  reset(): void;
  close(): Promise<void>;
}

export async function startPreviewServer(): Promise<PreviewServer> {
  const requests: PreviewRequest[] = [];
  const queue: PreviewAnswer[] = [];
  let pause: (ms: number) => Promise<void> = () => Promise.resolve();

  const respond = (res: ServerResponse, answer: PreviewAnswer): void => {
    if (answer === 'reset') {
      res.socket?.destroy();
      return;
    }
    const body = answer.body ?? '';
    res.writeHead(answer.status ?? 200, {
      'content-length': String(Buffer.byteLength(body)),
      ...answer.headers,
    });
    res.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    requests.push(recordOf(req, body));
    const answer = queue.shift() ?? {};
    const delay = answer === 'reset' ? 0 : (answer.delayMs ?? 0);
    if (delay === 0) {
      respond(res, answer);
      return;
    }
    void pause(delay).then(() => {
      if (!res.destroyed) respond(res, answer);
    });
  };

  const server = createServer((req, res) => {
    withBody(req, (body) => {
      handle(req, res, body);
    });
  });
  const served = await serve(server);
  pause = served.pause;

  return {
    url: `http://${served.host}:${String(served.port)}`,
    requests,
    script: (answers) => {
      queue.push(...answers);
    },
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    close: served.close,
  };
}
