export interface BenchReport {
  date: string;
  database: string;
  products: number;
  cache: boolean;
  seconds: number;
  connections: number;
  /** The pool the commerce paths rotate through; null when none ran. */
  shoppers: number | null;
  seedMs: number;
  payloadBytes: Record<string, number>;
  results: {
    name: string;
    path: string;
    method: string;
    requestsPerSecond: number;
    p50Ms: number;
    p99Ms: number;
    soloP50Ms: number;
    soloP99Ms: number;
    failures: number;
    ratioToBare: number | null;
    /** Statements per request (`--count-queries`), else null. */
    queriesPerRequest: number | null;
  }[];
}

/** The report as a Markdown table, as printed and written to reports/bench.md. */
export function renderMarkdown(report: BenchReport): string {
  const counted = report.results.some((r) => r.queriesPerRequest !== null);
  const lines = [
    `# Bench ${report.date}`,
    '',
    `${report.database}, ${report.products} products, catalog cache ${report.cache ? 'on' : 'off'}, ` +
      `${report.connections} connections × ${report.seconds} s per endpoint, loopback, one process` +
      `${report.shoppers === null ? '' : `, commerce paths rotate over ${report.shoppers} shoppers`}.`,
    '',
    'Under load: autocannon (whole ms). Solo: one request at a time, 400 requests.',
    '',
    `| endpoint | path | req/s | ratio to bare | p50 ms | p99 ms | solo p50 ms | solo p99 ms | failures |${counted ? ' queries/request |' : ''}`,
    `| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${counted ? ' ---: |' : ''}`,
    ...report.results.map(
      (r) =>
        `| ${r.name} | \`${r.method === 'GET' ? '' : `${r.method} `}${r.path}\` | ${r.requestsPerSecond} | ` +
        `${r.ratioToBare === null ? '—' : `${Math.round(r.ratioToBare * 100)}%`} | ${r.p50Ms} | ${r.p99Ms} | ` +
        `${r.soloP50Ms} | ${r.soloP99Ms} | ${r.failures} |` +
        (counted ? ` ${r.queriesPerRequest ?? '—'} |` : ''),
    ),
    '',
  ];
  return lines.join('\n');
}
