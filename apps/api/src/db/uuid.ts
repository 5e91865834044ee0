const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Row ids (orders, addresses, payments …) are uuids: anything else cannot exist, and must be
 * answered as "not found" before it reaches a uuid cast, which PostgreSQL reports as an error (a 500).
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
