import { Agent, request } from 'node:http';
import autocannon from 'autocannon';

export interface Measurement {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** One request at a time, timed to the microsecond: what one shopper waits, unloaded. */
  soloP50Ms: number;
  soloP99Ms: number;
  /** Non-2xx answers and socket errors: a run with any is not a valid figure. */
  failures: number;
}

function getOnce(agent: Agent, url: string): Promise<number> {
  return new Promise((done, fail) => {
    const start = performance.now();
    request(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => done(performance.now() - start));
    })
      .on('error', fail)
      .end();
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
async function soloLatency(url: string, count: number): Promise<{ p50: number; p99: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) times.push(await getOnce(agent, url));
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
  } finally {
    agent.destroy();
  }
}

/** Loads one URL for `seconds` with `connections` keep-alive connections (loopback only). */
export async function measure(
  name: string,
  baseUrl: string,
  path: string,
  options: { seconds: number; connections: number },
): Promise<Measurement> {
  const url = `${baseUrl}${path}`;
  // Warm up (JIT, plan cache, connection pool), then time alone, then under load.
  await autocannon({ url, connections: options.connections, duration: 1 });
  const solo = await soloLatency(url, 400);
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds });
  return {
    name,
    path,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    soloP50Ms: solo.p50,
    soloP99Ms: solo.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
