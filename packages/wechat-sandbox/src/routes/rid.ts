import { randomBytes } from 'node:crypto';

/** WeChat tags every answer with a request id; ours is random hex of the same look. */
export function newRid(): string {
  return `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
}
