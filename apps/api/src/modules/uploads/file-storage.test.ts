import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalFileStorage } from './file-storage';

describe('local file storage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wm-storage-test-'));
  const storage = createLocalFileStorage(join(dir, 'uploads'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('puts, gets and deletes by key, creating its folder, leaving no temporary file', async () => {
    expect(await storage.get('a.jpg')).toBeNull();
    await storage.put('a.jpg', Buffer.from('one'));
    await storage.put('a.jpg', Buffer.from('one'));
    expect((await storage.get('a.jpg'))?.toString()).toBe('one');
    expect(readdirSync(join(dir, 'uploads'))).toEqual(['a.jpg']);
    await storage.delete('a.jpg');
    await storage.delete('a.jpg');
    expect(await storage.get('a.jpg')).toBeNull();
  });

  it.each(['../escape.jpg', 'sub/dir.jpg', '..', '.hidden', '', 'a\\b.jpg'])('refuses the key %j', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/unsafe storage key/);
    await expect(storage.get(key)).rejects.toThrow(/unsafe storage key/);
  });
});
