// The one way tests start the servers they talk to (the emulators, the preview server, the
// proxy) and close them: shared by a file's tests and reset before each, fresh for each test, or
// started by a test for itself. Every one is closed however its tests end, and close() ends its
// connections at once (test/emulator/loopback.ts), so no test outlives its server.
import { afterAll, beforeAll, beforeEach, onTestFinished } from 'vitest';
import { startPreviewServer } from '../emulator/preview-server.ts';
import type { PreviewServer } from '../emulator/preview-server.ts';

export interface Closable {
  close(): Promise<unknown>;
}

/**
 * vitest's onTestFinished; concurrent tests pass their context's own, as the global one cannot
 * tell them apart.
 */
type OnFinished = (handler: () => Promise<void>) => void;

/**
 * A server for the tests of this file (or describe). With `reset`, one for all of them, reset
 * before each: starting a server costs more than most tests. Without it, a fresh one for each
 * test, for what a reset does not undo (connections, close(): the emulators' own tests).
 */
export function useServer<S extends Closable>(
  start: () => Promise<S>,
  reset?: (server: S) => void,
): () => S {
  let server: S | undefined;
  if (reset === undefined) {
    beforeEach(async () => {
      server = await ownServer(start());
    });
  } else {
    beforeAll(async () => {
      server = await start();
    });
    afterAll(async () => {
      await server?.close();
    });
    beforeEach(() => {
      if (server !== undefined) reset(server);
    });
  }
  return () => {
    if (server === undefined) throw new Error('the server starts before the tests');
    return server;
  };
}

/** A server a test starts for itself (options of its own, or a second one), closed when it ends. */
export async function ownServer<S extends Closable>(
  started: Promise<S>,
  finished: OnFinished = onTestFinished,
): Promise<S> {
  const server = await started;
  finished(async () => {
    await server.close();
  });
  return server;
}

/** One preview server for the file, reset before each test. */
export function usePreviewServer(): () => PreviewServer {
  return useServer(startPreviewServer, (preview) => {
    preview.reset();
  });
}
