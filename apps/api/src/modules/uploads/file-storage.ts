import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where uploaded files live, by key. The routes only know this interface, so a bucket (COS,
 * OSS, S3) can replace the local folder without touching them.
 */
export interface FileStorage {
  /** Stores the bytes under the key; a key already stored is left as it is (keys are content hashes). */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the key; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are file names: no separators, no `..`, nothing a path could be built from. */
const SAFE_KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key ${JSON.stringify(key)}`);
}

/**
 * Files in one local folder (UPLOAD_DIR), created on first write. A write goes to a temporary
 * name first and is renamed into place, so a reader never sees half a file.
 */
export function createLocalFileStorage(dir: string): FileStorage {
  return {
    async put(key, bytes) {
      assertSafeKey(key);
      await mkdir(dir, { recursive: true });
      const temporary = join(dir, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, join(dir, key));
    },
    async get(key) {
      assertSafeKey(key);
      try {
        return await readFile(join(dir, key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      assertSafeKey(key);
      await rm(join(dir, key), { force: true });
    },
  };
}
