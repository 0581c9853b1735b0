import type { Db } from "../../db/client.ts";
import { hashToken, newToken } from "./tokens.ts";

export const SESSION_DAYS = 14;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: "nl" | "en";
  isPlatformAdmin: boolean;
  csrfToken: string;
}

export async function createSession(
  db: Db,
  userId: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await db
    .insertInto("auth_sessions")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: newToken(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

export async function findSessionUser(db: Db, token: string): Promise<SessionUser | null> {
  const row = await db
    .selectFrom("auth_sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["u.id", "u.email", "u.name", "u.locale", "u.is_platform_admin", "s.csrf_token"])
    .where("s.token_hash", "=", hashToken(token))
    .where("s.expires_at", ">", new Date())
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    isPlatformAdmin: row.is_platform_admin,
    csrfToken: row.csrf_token,
  };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom("auth_sessions").where("token_hash", "=", hashToken(token)).execute();
}
