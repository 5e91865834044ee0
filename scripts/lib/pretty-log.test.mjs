import { describe, expect, it } from 'vitest';
import { prettyLogLine } from './pretty-log.mjs';

describe('prettyLogLine', () => {
  it('turns a Fastify request line into one short line', () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.UTC(2026, 0, 1, 8, 0, 0),
      msg: 'request completed',
      res: { statusCode: 200 },
      responseTime: 4.6,
    });
    expect(prettyLogLine(line)).toMatch(/info {2}request completed · 200 5 ms$/);
  });

  it('passes through lines that are not pino JSON', () => {
    expect(prettyLogLine('plain text')).toBe('plain text');
    expect(prettyLogLine('{not json')).toBe('{not json');
    expect(prettyLogLine('{"a":1}')).toBe('{"a":1}');
  });

  it('keeps the stack of a logged error', () => {
    const line = JSON.stringify({ level: 50, msg: 'boom', err: { message: 'x', stack: 'Error: x\n    at y' } });
    expect(prettyLogLine(line)).toContain('Error: x\n    at y');
  });
});
