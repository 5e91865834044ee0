import type { Kysely, Transaction } from 'kysely';
import type { DB } from './database';

/**
 * What a repository function runs its SQL on: the database itself or an open transaction.
 * Repositories take an Executor first, so a flow can open one transaction at the edge and
 * pass it through every module it writes to (one commit or one rollback for all of them).
 * A function that takes row locks asks for `Transaction<DB>` instead, so the compiler makes
 * its callers open one.
 */
export type Executor = Kysely<DB> | Transaction<DB>;
