// What a service needs of the database: the Drizzle handle. Services open transactions on it and build their
// repositories on `db` or on the transaction; an open `Database` (@peta/db) is passed as it is.
import type { Database } from '@peta/db';

export type DatabaseHandle = Pick<Database, 'db'>;
