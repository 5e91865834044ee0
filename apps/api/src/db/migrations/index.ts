import type { Migration } from 'kysely';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-catalog-at-scale';
import * as m0003 from './0003-orders';
import * as m0004 from './0004-payments';
import * as m0005 from './0005-promotions';
import * as m0006 from './0006-search';
import * as m0007 from './0007-addresses';
import * as m0008 from './0008-idempotency-responses';
import * as m0009 from './0009-uploads-after-sales';
import * as m0010 from './0010-reviews';
import * as m0011 from './0011-member-points-mall';
import * as m0012 from './0012-subscribe-messages';
import * as m0013 from './0013-distribution';
import * as m0014 from './0014-flash-sales';
import * as m0015 from './0015-campaign-orders';
import * as m0016 from './0016-group-buys';
import * as m0017 from './0017-bargains';
import * as m0018 from './0018-lotteries';
import * as m0019 from './0019-presales';
import * as m0020 from './0020-share';
import * as m0021 from './0021-withdrawals';
import * as m0022 from './0022-share-events-by-user';

/**
 * Every migration, by name, in order. A static map rather than a folder scan so it works
 * the same under tsx, Vitest and a bundler. Add new files here; never rename old ones.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-catalog-at-scale': m0002,
  '0003-orders': m0003,
  '0004-payments': m0004,
  '0005-promotions': m0005,
  '0006-search': m0006,
  '0007-addresses': m0007,
  '0008-idempotency-responses': m0008,
  '0009-uploads-after-sales': m0009,
  '0010-reviews': m0010,
  '0011-member-points-mall': m0011,
  '0012-subscribe-messages': m0012,
  '0013-distribution': m0013,
  '0014-flash-sales': m0014,
  '0015-campaign-orders': m0015,
  '0016-group-buys': m0016,
  '0017-bargains': m0017,
  '0018-lotteries': m0018,
  '0019-presales': m0019,
  '0020-share': m0020,
  '0021-withdrawals': m0021,
  '0022-share-events-by-user': m0022,
};
