import { createServer } from 'node:net';

/** A port the OS says is free right now (tiny race until the service binds it; fine for tests). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on `port`: we can bind it ourselves on every interface. */
export function isPortFree(port, host) {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Polls `url` until it answers 2xx (or anything, with `anyStatus`). Gives up early when `isDead()` says the service exited,
 * so a crash shows its own log instead of a generic timeout.
 */
export async function waitForHttp(url, { timeoutMs = 60_000, isDead = () => false, anyStatus = false } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (isDead()) throw new Error(`service exited before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      // anyStatus: the service is up as soon as it answers at all (e.g. no health route).
      if (response.ok || anyStatus) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error.cause?.code ?? error.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${lastError})`);
}
