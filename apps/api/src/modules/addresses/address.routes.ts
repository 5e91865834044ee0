import {
  type Address,
  type AddressList,
  addressIdParamsSchema,
  addressInputSchema,
  MAX_ADDRESSES_PER_USER,
  type RegionList,
  regionQuerySchema,
} from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { isUuid } from '../../db/uuid';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { AddressError } from './address.errors';
import {
  type AddressFields,
  type AddressRow,
  deleteAddress,
  findAddress,
  insertAddress,
  listAddresses,
  makeDefault,
  updateAddress,
} from './address.repository';
import { childRegions, regionByCode, regionByNames } from './regions';

function toAddress(row: AddressRow): Address {
  return {
    id: row.id,
    recipient: row.recipient,
    phone: row.phone,
    regionCode: row.region_code,
    province: row.province,
    city: row.city,
    district: row.district,
    detail: row.detail,
    isDefault: row.is_default,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The form's region (a picked code or WeChat's names) checked against the division data. */
function addressFields(input: z.output<typeof addressInputSchema>): AddressFields {
  const region = input.regionCode ? regionByCode(input.regionCode) : regionByNames(input.regionNames ?? ['', '', '']);
  if (!region) {
    throw new AddressError('REGION_UNKNOWN', {
      details: { regionCode: input.regionCode, regionNames: input.regionNames },
    });
  }
  return { recipient: input.recipient, phone: input.phone, region, detail: input.detail, isDefault: input.isDefault };
}

/** The address book under /api/me/addresses, and the region picker's levels. */
/** The :id of an address route; a non-uuid id names no address (404, not a failed cast). */
function addressIdOf(params: unknown): string {
  const { id } = parseInput(addressIdParamsSchema, params, 'params');
  if (!isUuid(id)) throw new AddressError('ADDRESS_NOT_FOUND', { details: { id } });
  return id;
}

export function registerAddressRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, clock } = deps;
  const guarded = { preHandler: deps.requireUser };
  const list = async (userId: string): Promise<AddressList> => ({
    items: (await listAddresses(db, userId)).map(toAddress),
    max: MAX_ADDRESSES_PER_USER,
  });

  // Division data changes a few times a year: a day of caching is safe.
  app.get('/api/regions', async (request, reply): Promise<RegionList> => {
    const { parent } = parseInput(regionQuerySchema, request.query, 'query');
    const items = childRegions(parent);
    if (!items) throw new AddressError('REGION_UNKNOWN', { details: { parent } });
    reply.header('cache-control', 'public, max-age=86400');
    return { items };
  });

  app.get('/api/me/addresses', guarded, async (request) => list(currentUserId(request)));

  app.get('/api/me/addresses/:id', guarded, async (request): Promise<Address> => {
    const id = addressIdOf(request.params);
    const row = await findAddress(db, currentUserId(request), id);
    if (!row) throw new AddressError('ADDRESS_NOT_FOUND', { details: { id } });
    return toAddress(row);
  });

  app.post('/api/me/addresses', guarded, async (request, reply): Promise<Address> => {
    const userId = currentUserId(request);
    const fields = addressFields(parseInput(addressInputSchema, request.body, 'body'));
    const row = await db.transaction().execute((trx) => insertAddress(trx, userId, fields, clock()));
    if (!row) throw new AddressError('ADDRESS_LIMIT_REACHED');
    reply.code(201);
    return toAddress(row);
  });

  app.put('/api/me/addresses/:id', guarded, async (request): Promise<Address> => {
    const userId = currentUserId(request);
    const id = addressIdOf(request.params);
    const fields = addressFields(parseInput(addressInputSchema, request.body, 'body'));
    const row = await db.transaction().execute((trx) => updateAddress(trx, userId, id, fields, clock()));
    if (!row) throw new AddressError('ADDRESS_NOT_FOUND', { details: { id } });
    return toAddress(row);
  });

  app.post('/api/me/addresses/:id/default', guarded, async (request): Promise<AddressList> => {
    const userId = currentUserId(request);
    const id = addressIdOf(request.params);
    const done = await db.transaction().execute((trx) => makeDefault(trx, userId, id, clock()));
    if (!done) throw new AddressError('ADDRESS_NOT_FOUND', { details: { id } });
    return list(userId);
  });

  app.delete('/api/me/addresses/:id', guarded, async (request): Promise<AddressList> => {
    const userId = currentUserId(request);
    const id = addressIdOf(request.params);
    const done = await db.transaction().execute((trx) => deleteAddress(trx, userId, id, clock()));
    if (!done) throw new AddressError('ADDRESS_NOT_FOUND', { details: { id } });
    return list(userId);
  });
}
