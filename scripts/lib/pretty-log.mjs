import { dim, red, yellow } from './log.mjs';

const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/**
 * One pino JSON line (what Fastify logs) as one short human line for `npm start`'s
 * console; anything that is not pino JSON passes through unchanged. Files keep raw JSON.
 */
export function prettyLogLine(line) {
  if (!line.startsWith('{')) return line;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof entry !== 'object' || entry === null || typeof entry.level !== 'number') return line;
  const time = typeof entry.time === 'number' ? new Date(entry.time).toTimeString().slice(0, 8) : '';
  const level = LEVELS[entry.level] ?? String(entry.level);
  const parts = [entry.msg ?? ''];
  if (entry.req) parts.push(`${entry.req.method} ${entry.req.url}`);
  if (entry.res)
    parts.push(`${entry.res.statusCode}${entry.responseTime ? ` ${Math.round(entry.responseTime)} ms` : ''}`);
  if (entry.err?.stack) parts.push(`\n${entry.err.stack}`);
  else if (entry.err?.message) parts.push(entry.err.message);
  const text = `${dim(time)} ${level.padEnd(5)} ${parts.filter(Boolean).join(' · ')}`;
  if (entry.level >= 50) return red(text);
  if (entry.level >= 40) return yellow(text);
  return text;
}
