import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { LOCALES, type Locale } from "../../i18n/index.ts";
import { ok, type Result } from "../kernel/result.ts";
import { LIMITS, text, validate } from "../kernel/validate.ts";

export const profileSchema = z.object({
  name: text(LIMITS.name),
  locale: z.enum(LOCALES, { error: "validation.choice" }),
});

/** Changes the signed-in user's own name and language. */
export async function updateProfile(
  db: Db,
  userId: string,
  input: unknown,
): Promise<Result<z.output<typeof profileSchema>>> {
  const parsed = validate(profileSchema, input);
  if (!parsed.ok) return parsed;
  await db
    .updateTable("users")
    .set({ name: parsed.value.name, locale: parsed.value.locale })
    .where("id", "=", userId)
    .execute();
  return ok(parsed.value);
}

/** The language switch, for a signed-in user: the account keeps the choice for its mails. */
export async function setLanguage(db: Db, userId: string, locale: Locale): Promise<void> {
  await db.updateTable("users").set({ locale }).where("id", "=", userId).execute();
}
