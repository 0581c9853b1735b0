import { randomBytes, scryptSync } from "node:crypto";
import type { Db } from "../db/client.ts";
import { TEST_PASSWORD } from "./fixtures.ts";

/**
 * A user whose password hash uses tiny scrypt parameters (the hash names its own parameters), so
 * tests that sign in dozens of times check the limits, not the CPU. The password is TEST_PASSWORD.
 */
export async function makeQuickUser(db: Db, email?: string) {
  const salt = randomBytes(16);
  const key = scryptSync(TEST_PASSWORD.normalize("NFKC"), salt, 64, { N: 16, r: 1, p: 1 });
  const hash = ["scrypt", 16, 1, 1, salt.toString("base64url"), key.toString("base64url")].join(
    "$",
  );
  return db
    .insertInto("users")
    .values({
      email: email ?? `quick-${randomBytes(6).toString("hex")}@example.org`,
      name: "Snelle Gebruiker",
      password_hash: hash,
    })
    .returning(["id", "email", "name"])
    .executeTakeFirstOrThrow();
}
