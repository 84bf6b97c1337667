// The store of @fastify/rate-limit (the sign-in route's per-address limit) in the database, not in process memory:
// behind a reverse proxy several identical API processes serve one database, and a count kept per process would let
// an address make SIGN_IN_LIMIT_PER_MINUTE requests to each of them. The per-address × name throttle of failures is in
// the database already (server-core accounts/throttle.ts); this limit also bounds what one address may try across
// many names (password spraying) and how much argon2 hashing it can cost the servers.
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { countRequest, type DatabaseHandle } from '@peta/server-core';

/** A store class (the plugin constructs it) counting in request_rate; each limited route counts under its own name. */
export function databaseRateLimitStore(database: DatabaseHandle): FastifyRateLimitStoreCtor {
  const storeFor = (route: string): FastifyRateLimitStore => ({
    incr(key, callback, timeWindow) {
      countRequest(database, `${route} ${key}`, timeWindow).then(
        (count) => callback(null, count),
        (error: Error) => callback(error),
      );
    },
    child(routeOptions) {
      const info = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return storeFor(`${[info?.method ?? ''].flat().join(',')} ${info?.url ?? ''}`.trim());
    },
  });
  return class DatabaseRateLimitStore {
    constructor() {
      // biome-ignore lint/correctness/noConstructorReturn: @fastify/rate-limit wants a class; its instance is the plain store.
      return storeFor('');
    }
  } as unknown as FastifyRateLimitStoreCtor;
}
