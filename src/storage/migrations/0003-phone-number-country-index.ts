// Frozen once released, like 0001. ListPhoneNumbers' country filter (a numberyard extension) reads one
// organization's numbers of one country in E.164 order, either way, straight from this index; a
// country with a number prefix is a range within it.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no fixed schema type
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('phone_numbers__country_idx').on('phone_numbers').columns(['organization_id', 'country', 'e164']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('phone_numbers__country_idx').execute();
}
