import { sql, type Updateable } from "kysely";
import { z } from "zod";
import type { ContributionTable, Role } from "../../db/schema.ts";
import type { Message } from "../../i18n/index.ts";
import { withRow, type RegionRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { SECTORS } from "../kernel/sectors.ts";
import type { Tx } from "../kernel/tx.ts";
import { optionalText, text } from "../kernel/validate.ts";
import { HARVEST_LIMITS, KINDS, tagList } from "./types.ts";

/** A sector that may be left empty. */
const optionalSector = () =>
  z
    .union([z.enum(SECTORS), z.literal("")], { error: "validation.choice" })
    .default("")
    .transform((v) => (v === "" ? null : v));

const kind = () => z.enum(KINDS, { error: "validation.choice" }).default("other");

export const editSchema = z.object({
  text: text(HARVEST_LIMITS.text),
  kind: kind(),
  sector: optionalSector(),
});

export const addSchema = editSchema.extend({
  sourceLabel: optionalText(HARVEST_LIMITS.sourceLabel),
  tags: tagList(),
});

/** Errors of single tags ("tags.3") belong to the one tags field. */
export function onTagsField<T>(result: Result<T>): Result<T> {
  if (result.ok || !result.fieldErrors) return result;
  const fieldErrors: Record<string, Message> = {};
  for (const [path, message] of Object.entries(result.fieldErrors)) {
    fieldErrors[path.startsWith("tags.") ? "tags" : path] ??= message;
  }
  return { ...result, fieldErrors };
}

/**
 * An intent on one contribution of the harvest `harvestId`: the guard loads it in the scope's
 * region, and a contribution of another harvest is "not found" as well.
 */
export function withContribution<R>(
  scope: RegionScope,
  role: Role,
  harvestId: string,
  id: unknown,
  work: (tx: Tx, row: RegionRow<"contributions">) => Promise<Result<R>>,
): Promise<Result<R>> {
  return withRow(scope, { role, table: "contributions", id }, (tx, row) =>
    row.harvest_id === harvestId ? work(tx, row) : Promise.resolve(notFound()),
  );
}

/** Sets columns of the guarded contribution; one statement, nothing read before. */
export async function changeContribution(
  tx: Tx,
  id: string,
  set: Updateable<ContributionTable>,
): Promise<Result<{ id: string }>> {
  await tx
    .updateTable("contributions")
    .set({ ...set, updated_at: sql`now()` })
    .where("id", "=", id)
    .execute();
  return ok({ id });
}
