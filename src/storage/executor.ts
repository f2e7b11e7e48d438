import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database-schema';

/** What a repository method runs on: the database, or the transaction a service opened. */
export type Executor = Kysely<Database> | Transaction<Database>;
