import type { Db } from "../db/client.ts";
import type { Role } from "../db/schema.ts";
import { hashPassword } from "../core/accounts/password.ts";
import type { RegionScope } from "../core/kernel/scope.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = "correct horse battery";
let cachedHash: Promise<string> | undefined;

export async function makeUser(
  db: Db,
  opts: { email?: string; name?: string; isPlatformAdmin?: boolean; verified?: boolean } = {},
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return db
    .insertInto("users")
    .values({
      email: opts.email ?? `user-${unique()}@example.org`,
      name: opts.name ?? "Test User",
      password_hash: await cachedHash,
      is_platform_admin: opts.isPlatformAdmin ?? false,
      // An account as most are: its address proven by a link it used.
      email_verified_at: opts.verified === false ? null : new Date(),
    })
    .returning(["id", "email", "name"])
    .executeTakeFirstOrThrow();
}

export async function makeRegion(db: Db, opts: { slug?: string; name?: string } = {}) {
  const slug = opts.slug ?? `region-${unique()}`;
  return db
    .insertInto("regions")
    .values({ slug, name: opts.name ?? `Region ${slug}` })
    .returning(["id", "slug", "name"])
    .executeTakeFirstOrThrow();
}

/** A region with a user of the given role in it, and that user's scope. */
export async function makeScope(db: Db, role: Role = "organiser", opts: { slug?: string } = {}) {
  const region = await makeRegion(db, opts);
  const user = await makeUser(db);
  await db
    .insertInto("memberships")
    .values({ user_id: user.id, region_id: region.id, role })
    .execute();
  const scope: RegionScope = { db, regionId: region.id, userId: user.id, role };
  return { region, user, scope };
}
