import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  firstLoadViolations,
  isScript,
  renderFirstLoadTable,
  summarizeFirstLoad,
  writeFirstLoadReport,
} from './first-load.mjs';
import { H5_FIRST_LOAD_BUDGET, KB } from './size-limits.config.mjs';

const req = (path, type, encodedBytes, decodedBytes, contentEncoding = 'br') => ({
  url: `http://127.0.0.1:3000${path}`,
  type,
  status: 200,
  contentEncoding,
  encodedBytes,
  decodedBytes,
});

const mallLoad = [
  req('/mall/', 'Document', 600, 1019),
  req('/mall/js/app.1a2b3c4d.js', 'Script', 80 * KB, 260 * KB),
  req('/mall/js/83.0f0f0f0f.js', 'Script', 20 * KB, 90 * KB),
  req('/mall/js/440.12345678.js', 'Script', 381, 658),
  req('/mall/css/app.e8e8506f.css', 'Stylesheet', 1097, 8092),
  req('/api/products?pageSize=10', 'Fetch', 913, 2763),
  req('/static/products/p-1.jpg', 'Image', 17_000, 17_000, null),
];

describe('summarizeFirstLoad', () => {
  it('sums the JS as transferred and decoded, and counts every request', () => {
    const s = summarizeFirstLoad('mall', mallLoad);
    expect(s.jsCompressedBytes).toBe(100 * KB + 381);
    expect(s.jsRawBytes).toBe(350 * KB + 658);
    expect(s.jsRequests).toBe(3);
    expect(s.requests).toBe(7);
    expect(s.jsEncodings).toEqual(['br']);
    expect(s.scripts[0]).toEqual({ path: '/mall/js/app.1a2b3c4d.js', compressedBytes: 80 * KB, rawBytes: 260 * KB });
  });

  it('names an uncompressed script among the encodings', () => {
    const s = summarizeFirstLoad('tools', [req('/tools/js/a.12345678.js', 'Script', 10, 10, null)]);
    expect(s.jsEncodings).toEqual(['identity']);
  });

  it('takes a .js path as a script when chromium gives another type (e.g. a preload)', () => {
    expect(isScript(req('/mall/js/8.2d154dd0.js', 'Other', 1, 1))).toBe(true);
    expect(isScript(req('/mall/css/8.813656b8.css', 'Other', 1, 1))).toBe(false);
  });
});

describe('firstLoadViolations', () => {
  it('passes at the budget and fails one byte over, naming the largest files', () => {
    const at = { app: 'campaign', jsCompressedBytes: 115 * KB, scripts: [] };
    expect(firstLoadViolations(at)).toEqual([]);
    const over = summarizeFirstLoad('campaign', [req('/campaign/js/app.1.js', 'Script', 115 * KB + 1, 1)]);
    const [message] = firstLoadViolations(over);
    expect(message).toContain('campaign');
    expect(message).toContain('/campaign/js/app.1.js');
  });

  it('has a budget for every app, mall 125 KB and the others 115 KB', () => {
    expect(H5_FIRST_LOAD_BUDGET.mall.jsCompressedBytes).toBe(125 * 1024);
    expect(H5_FIRST_LOAD_BUDGET.campaign.jsCompressedBytes).toBe(115 * 1024);
    expect(H5_FIRST_LOAD_BUDGET.tools.jsCompressedBytes).toBe(115 * 1024);
    expect(firstLoadViolations({ app: 'admin', jsCompressedBytes: 0, scripts: [] })[0]).toContain(
      'no first-load budget',
    );
  });
});

describe('report', () => {
  it('writes reports/h5-first-load.json with each budget and verdict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wm-first-load-'));
    const file = writeFirstLoadReport(dir, [summarizeFirstLoad('mall', mallLoad)], { generatedAt: 'now' });
    const report = JSON.parse(readFileSync(file, 'utf8'));
    expect(report.generatedAt).toBe('now');
    expect(report.apps[0]).toMatchObject({ app: 'mall', budgetJsCompressedBytes: 125 * KB, withinBudget: true });
  });

  it('renders one row per app', () => {
    const table = renderFirstLoadTable([summarizeFirstLoad('mall', mallLoad)]);
    expect(table.split('\n')).toHaveLength(2);
    expect(table).toContain('125.0 KB');
  });
});
