import { sql } from "kysely";
import { DEFAULT_LOCALE, translator } from "../../i18n/index.ts";
import { fail, ok, type Result } from "../shared/result.ts";
import { hasRole, type RegionScope } from "../shared/scope.ts";
import { isId } from "../shared/validate.ts";

/**
 * Erases a person's personal data (the right to erasure). The row stays, with a placeholder name
 * and nothing else, so that what they contributed elsewhere stays counted but anonymous. Pages
 * show the placeholder in the reader's language; the stored one is for anyone reading the table.
 */
export async function erasePerson(
  scope: RegionScope,
  id: string,
  input: { confirmed: boolean },
): Promise<Result<{ id: string }>> {
  if (!hasRole(scope.role, "organiser")) return fail("errors.forbidden");
  if (!isId(id)) return fail("errors.notFound");
  if (!input.confirmed) {
    return fail("validation.failed", { confirm: { key: "people.confirmEraseRequired" } });
  }
  const row = await scope.db
    .updateTable("people")
    .set({
      name: translator(DEFAULT_LOCALE)("people.erasedName"),
      email: null,
      organisation_id: null,
      perspectives: [],
      expertise: [],
      erased_at: sql`coalesce(erased_at, now())`,
      updated_at: sql`now()`,
    })
    .where("region_id", "=", scope.regionId)
    .where("id", "=", id)
    .returning("id")
    .executeTakeFirst();
  return row ? ok({ id: row.id }) : fail("errors.notFound");
}
