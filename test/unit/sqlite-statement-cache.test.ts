import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/storage/database';

// The SQLite connection Kysely uses reads rows as arrays and builds the objects itself
// (src/storage/sqlite-row-reader.ts); what a query returns must not change by it.
describe('SQLite rows read through the statement cache', () => {
  let dir: string;
  let file: string;
  let handle: DatabaseHandle;
  let plain: BetterSqlite3.Database;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-rows-'));
    file = path.join(dir, 'rows.db');
    handle = openDatabase({ kind: 'sqlite', path: file });
    await sql`create table things (id integer primary key, name text, weight real, data blob, note text)`.execute(handle.db);
    await sql`insert into things (id, name, weight, data, note) values (1, 'one', 1.5, x'0102', null), (2, 'two "quoted"', -3, null, 'n')`.execute(handle.db);
    plain = new BetterSqlite3(file, { readonly: true });
  });

  afterEach(async () => {
    plain.close();
    await handle.db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('returns the same objects as better-sqlite3, key order and value types included', async () => {
    const query = 'select * from things order by id';
    const viaKysely = (await sql.raw(query).execute(handle.db)).rows;
    const viaPlain = plain.prepare(query).all();
    expect(viaKysely).toEqual(viaPlain);
    expect(viaKysely.map((row) => Object.keys(row as object))).toEqual(viaPlain.map((row) => Object.keys(row as object)));
    expect(Buffer.isBuffer((viaKysely[0] as { data: unknown }).data)).toBe(true);
  });

  it('keeps the last of two columns with the same name, as better-sqlite3 does', async () => {
    const query = 'select name as label, note as label, id as "odd key: ""x"" {}" from things order by id';
    const viaKysely = (await sql.raw(query).execute(handle.db)).rows;
    expect(viaKysely).toEqual(plain.prepare(query).all());
    expect(viaKysely[1]).toEqual({ label: 'n', 'odd key: "x" {}': 2 });
  });

  it('leaves a column named __proto__ to better-sqlite3, which never lets it become the prototype', async () => {
    const query = 'select id, name as "__proto__" from things where id = 1';
    const [row] = (await sql.raw(query).execute(handle.db)).rows as Record<string, unknown>[];
    const [plainRow] = plain.prepare(query).all() as Record<string, unknown>[];
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(row)).toEqual(Object.getOwnPropertyNames(plainRow));
    expect(row!.id).toBe(1);
  });

  it('sees a column added after the same select * was run and cached', async () => {
    const query = sql.raw('select * from things where id = 1');
    expect(Object.keys((await query.execute(handle.db)).rows[0] as object)).not.toContain('added');
    await sql`alter table things add column added text default 'new'`.execute(handle.db);
    expect((await query.execute(handle.db)).rows[0]).toMatchObject({ id: 1, added: 'new' });
  });

  it('streams rows as the same objects', async () => {
    const streamed: unknown[] = [];
    for await (const row of handle.db.selectFrom('things' as never).selectAll().orderBy('id' as never).stream()) streamed.push(row);
    expect(streamed).toEqual(plain.prepare('select * from things order by id').all());
  });
});
