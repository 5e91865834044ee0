import { describe, expect, it } from 'vitest';
import { startService } from './proc.mjs';

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A service that starts a grandchild and ignores SIGTERM: the worst case for "no strays".
const STUBBORN = `
const { spawn } = require('node:child_process');
const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
process.on('SIGTERM', () => {});
console.log('grandchild ' + grandchild.pid);
setInterval(() => {}, 1000);
`;

describe('startService / stop', () => {
  it('prefixes output and stops the whole process group, grandchildren included', async () => {
    const lines = [];
    const originalWrite = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk, ...rest) => {
      lines.push(String(chunk));
      return originalWrite(chunk, ...rest);
    };
    let service;
    try {
      service = startService({ name: 'stub', command: process.execPath, args: ['-e', STUBBORN], env: process.env });
      const deadline = Date.now() + 10_000;
      while (!lines.some((l) => l.startsWith('[stub] grandchild ')) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      process.stdout.write = originalWrite;
    }
    const grandchildPid = Number(lines.find((l) => l.startsWith('[stub] grandchild '))?.split(' ')[2]);
    expect(grandchildPid).toBeGreaterThan(0);
    expect(alive(grandchildPid)).toBe(true);

    await service.stop(300); // SIGTERM is ignored, so this needs the SIGKILL fallback
    await new Promise((r) => setTimeout(r, 200));
    expect(service.isDead()).toBe(true);
    expect(alive(service.pid)).toBe(false);
    expect(alive(grandchildPid)).toBe(false);
  });

  it('reports a command that cannot start instead of throwing', async () => {
    const service = startService({
      name: 'missing',
      command: '/nonexistent/binary',
      args: [],
      env: process.env,
      logFile: '/dev/null',
    });
    const exit = await service.exited;
    expect(exit.code).toBe(127);
    expect(service.isDead()).toBe(true);
  });
});
