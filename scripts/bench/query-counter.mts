import type { KyselyPlugin } from 'kysely';

/**
 * Counts the statements the API sends through Kysely (`--count-queries`): every query
 * builder and `sql` statement, not the BEGIN and COMMIT of a transaction (the driver sends
 * those itself). Installed on the app's database only when asked, so the timed runs
 * without the flag go through exactly the app's code.
 */
export function createQueryCounter(): {
  plugin: KyselyPlugin;
  /** Statements per call of `send`, averaged over `times` sequential calls. */
  perRequest(send: () => Promise<unknown>, times?: number): Promise<number>;
} {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      count += 1;
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
  return {
    plugin,
    async perRequest(send, times = 20) {
      // Requests still in flight when the load generator stopped finish first.
      await new Promise((done) => setTimeout(done, 500));
      count = 0;
      for (let i = 0; i < times; i += 1) await send();
      return Math.round((count / times) * 10) / 10;
    },
  };
}
