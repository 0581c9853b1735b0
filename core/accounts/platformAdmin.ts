import type { Db } from "../../db/client.ts";

/**
 * The operator's way in (`npm run cli -- create-admin`): makes the account with this address a
 * platform administrator, or creates it as one. `passwordHash` replaces an existing account's
 * password only with `replacePassword`; a new account always takes it. Returns what happened, or
 * "nameNeeded" when there is no account yet and no name to create it with.
 */
export async function makePlatformAdmin(
  db: Db,
  input: { email: string; name?: string; passwordHash: string; replacePassword: boolean },
): Promise<"promoted" | "created" | "nameNeeded"> {
  const existing = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", input.email)
    .executeTakeFirst();
  if (existing) {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable("users")
        .set(
          input.replacePassword
            ? { is_platform_admin: true, password_hash: input.passwordHash }
            : { is_platform_admin: true },
        )
        .where("id", "=", existing.id)
        .execute();
      // A password set here is usually a recovery: whoever knew the old one is signed out.
      if (input.replacePassword)
        await trx.deleteFrom("auth_sessions").where("user_id", "=", existing.id).execute();
    });
    return "promoted";
  }
  if (!input.name) return "nameNeeded";
  await db
    .insertInto("users")
    .values({
      email: input.email,
      name: input.name,
      password_hash: input.passwordHash,
      is_platform_admin: true,
    })
    .execute();
  return "created";
}
