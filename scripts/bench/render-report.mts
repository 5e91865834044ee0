export interface BenchReport {
  date: string;
  database: string;
  products: number;
  cache: boolean;
  seconds: number;
  connections: number;
  seedMs: number;
  payloadBytes: Record<string, number>;
  results: {
    name: string;
    path: string;
    requestsPerSecond: number;
    p50Ms: number;
    p99Ms: number;
    soloP50Ms: number;
    soloP99Ms: number;
    failures: number;
    ratioToBare: number | null;
  }[];
}

/** The report as a Markdown table, as printed and written to reports/bench.md. */
export function renderMarkdown(report: BenchReport): string {
  const lines = [
    `# Bench ${report.date}`,
    '',
    `${report.database}, ${report.products} products, catalog cache ${report.cache ? 'on' : 'off'}, ` +
      `${report.connections} connections × ${report.seconds} s per endpoint, loopback, one process.`,
    '',
    'Under load: autocannon (whole ms). Solo: one request at a time, 400 requests.',
    '',
    '| endpoint | path | req/s | ratio to bare | p50 ms | p99 ms | solo p50 ms | solo p99 ms | failures |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.results.map(
      (r) =>
        `| ${r.name} | \`${r.path}\` | ${r.requestsPerSecond} | ` +
        `${r.ratioToBare === null ? '—' : `${Math.round(r.ratioToBare * 100)}%`} | ${r.p50Ms} | ${r.p99Ms} | ` +
        `${r.soloP50Ms} | ${r.soloP99Ms} | ${r.failures} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
