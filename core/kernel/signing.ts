import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

// Keyed by the database's adapter, which a Kysely instance shares with its transactions: one
// lookup per database and process, not one per transaction.
const keys = new WeakMap<object, Promise<Buffer>>();

/**
 * The installation's signing key, made on first use and kept in the database, so links signed by
 * one process are good in every other and after a restart.
 */
export function signingKey(db: Kysely<Database>): Promise<Buffer> {
  const owner = db.getExecutor().adapter;
  let key = keys.get(owner);
  if (!key) {
    key = (async () => {
      await db
        .insertInto("app_secrets")
        .values({ name: "signing", value: randomBytes(32).toString("base64url") })
        .onConflict((oc) => oc.column("name").doNothing())
        .execute();
      const row = await db
        .selectFrom("app_secrets")
        .select("value")
        .where("name", "=", "signing")
        .executeTakeFirstOrThrow();
      return Buffer.from(row.value, "base64url");
    })();
    key.catch(() => keys.delete(owner));
    keys.set(owner, key);
  }
  return key;
}

const mac = (key: Buffer, purpose: string, id: string) =>
  createHmac("sha256", key).update(`${purpose}:${id}`).digest("base64url").slice(0, 32);

/** "<id>.<signature>": a link that proves it was made here, for this purpose and this id. */
export async function sign(db: Kysely<Database>, purpose: string, id: string): Promise<string> {
  return `${id}.${mac(await signingKey(db), purpose, id)}`;
}

/** The id a signed token stands for, or null when the token was not made here. */
export async function verify(
  db: Kysely<Database>,
  purpose: string,
  token: string,
): Promise<string | null> {
  if (typeof token !== "string" || token.length > 200) return null;
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const id = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(await signingKey(db), purpose, id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}
