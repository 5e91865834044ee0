import { Agent, request } from 'node:http';
import autocannon, { type RequestData } from 'autocannon';

export interface Measurement {
  name: string;
  path: string;
  method: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** One request at a time, timed to the microsecond: what one shopper waits, unloaded. */
  soloP50Ms: number;
  soloP99Ms: number;
  /** Non-2xx answers and socket errors: a run with any is not a valid figure. */
  failures: number;
}

/** One request as sent: a GET of a path, or a write with its headers and JSON body. */
export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * What to send: a fixed request, or a function called once per request (a write that needs a
 * fresh Idempotency-Key or the next shopper of a pool). All of a source's requests share a path.
 */
export type RequestSource = BenchRequest | (() => BenchRequest);

const nextOf = (source: RequestSource): (() => BenchRequest) => (typeof source === 'function' ? source : () => source);

function sendOnce(agent: Agent, baseUrl: string, sent: BenchRequest): Promise<number> {
  return new Promise((done, fail) => {
    const start = performance.now();
    request(`${baseUrl}${sent.path}`, { agent, method: sent.method, headers: sent.headers }, (response) => {
      response.resume();
      response.on('end', () => {
        // A refused write is as wrong here as under load: stop rather than time it.
        if ((response.statusCode ?? 0) >= 300) fail(new Error(`${sent.method} ${sent.path}: ${response.statusCode}`));
        else done(performance.now() - start);
      });
    })
      .on('error', fail)
      .end(sent.body);
  });
}

function percentile(sorted: number[], p: number): number {
  const value = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
  return Math.round(value * 1000) / 1000;
}

/**
 * Sequential requests on one keep-alive socket. autocannon's latencies are whole
 * milliseconds, too coarse to compare a 0.4 ms page with a 0.6 ms one.
 */
async function soloLatency(
  baseUrl: string,
  next: () => BenchRequest,
  count: number,
): Promise<{ p50: number; p99: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) times.push(await sendOnce(agent, baseUrl, next()));
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
  } finally {
    agent.destroy();
  }
}

function load(baseUrl: string, source: RequestSource, options: { seconds: number; connections: number }) {
  const { connections, seconds: duration } = options;
  if (typeof source !== 'function') {
    const { path, ...sent } = source;
    return autocannon({ url: `${baseUrl}${path}`, connections, duration, ...sent });
  }
  // Rebuilt for every request, so each one can carry its own key, shopper and body.
  const setupRequest = (defaults: RequestData): RequestData => ({ ...defaults, ...source() });
  return autocannon({ url: `${baseUrl}${source().path}`, connections, duration, requests: [{ setupRequest }] });
}

/** Loads one endpoint for `seconds` with `connections` keep-alive connections (loopback only). */
export async function measure(
  name: string,
  baseUrl: string,
  source: RequestSource,
  options: { seconds: number; connections: number },
): Promise<Measurement> {
  const next = nextOf(source);
  const { method, path } = next();
  // Warm up (JIT, plan cache, connection pool), then time alone, then under load.
  await load(baseUrl, source, { connections: options.connections, seconds: 1 });
  const solo = await soloLatency(baseUrl, next, 400);
  const result = await load(baseUrl, source, options);
  return {
    name,
    path,
    method,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    soloP50Ms: solo.p50,
    soloP99Ms: solo.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
