import { sql, type Updateable } from "kysely";
import { z } from "zod";
import type { ContributionTable } from "../../db/schema.ts";
import type { Message } from "../../i18n/index.ts";
import { SECTORS } from "../kernel/sectors.ts";
import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { isId, optionalText, text, validate } from "../kernel/validate.ts";
import { HARVEST_LIMITS, KINDS, tagList, tagsOf } from "./types.ts";

/** A sector that may be left empty. */
const optionalSector = () =>
  z
    .union([z.enum(SECTORS), z.literal("")], { error: "validation.choice" })
    .default("")
    .transform((v) => (v === "" ? null : v));

const kind = () => z.enum(KINDS, { error: "validation.choice" }).default("other");

const editSchema = z.object({
  text: text(HARVEST_LIMITS.text),
  kind: kind(),
  sector: optionalSector(),
});

const addSchema = editSchema.extend({
  sourceLabel: optionalText(HARVEST_LIMITS.sourceLabel),
  tags: tagList(),
});

const tagsSchema = z.object({ tags: tagList() });

const mergeSchema = z.object({
  ids: z.array(z.string()).default([]),
  into: z.string().default(""),
});

async function harvestOfRegion(scope: RegionScope, harvestId: string) {
  if (!isId(harvestId)) return false;
  const row = await scope.db
    .selectFrom("harvests")
    .select("id")
    .where("region_id", "=", scope.regionId)
    .where("id", "=", harvestId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Errors of single tags ("tags.3") belong to the one tags field. */
function onTagsField<T>(result: Result<T>): Result<T> {
  if (result.ok || !result.fieldErrors) return result;
  const fieldErrors: Record<string, Message> = {};
  for (const [path, message] of Object.entries(result.fieldErrors)) {
    fieldErrors[path.startsWith("tags.") ? "tags" : path] ??= message;
  }
  return { ...result, fieldErrors };
}

/** The update of one contribution of the harvest in the scope's region; notFound otherwise. */
async function change(
  scope: RegionScope,
  harvestId: string,
  id: string,
  set: Updateable<ContributionTable>,
): Promise<Result<{ id: string }>> {
  if (!isId(harvestId) || !isId(id)) return notFound();
  const row = await scope.db
    .updateTable("contributions")
    .set({ ...set, updated_at: sql`now()` })
    .where("region_id", "=", scope.regionId)
    .where("harvest_id", "=", harvestId)
    .where("id", "=", id)
    .returning("id")
    .executeTakeFirst();
  return row ? ok(row) : notFound();
}

/** Corrects a contribution's text, kind and sector. Organisers and up. */
export async function updateContribution(
  scope: RegionScope,
  harvestId: string,
  id: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(harvestId) || !isId(id)) return notFound();
  const parsed = validate(editSchema, input);
  if (!parsed.ok) return parsed;
  const { text, kind, sector } = parsed.value;
  return change(scope, harvestId, id, { text, kind, sector });
}

/** Replaces a contribution's tags: at most 20, each at most 60 characters. */
export async function setTags(
  scope: RegionScope,
  harvestId: string,
  id: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(harvestId) || !isId(id)) return notFound();
  const parsed = onTagsField(validate(tagsSchema, input));
  if (!parsed.ok) return parsed;
  return change(scope, harvestId, id, { tags: JSON.stringify(parsed.value.tags) });
}

/** Hides a contribution from every figure, list and publication, or shows it again. */
export async function setHidden(
  scope: RegionScope,
  harvestId: string,
  id: string,
  hidden: boolean,
): Promise<Result<{ id: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  return change(scope, harvestId, id, { hidden });
}

/** Adds a contribution by hand (origin 'manual'), e.g. from a flip-over or an e-mail. */
export async function addContribution(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!(await harvestOfRegion(scope, harvestId))) return notFound();
  const parsed = onTagsField(validate(addSchema, input));
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const row = await scope.db
    .insertInto("contributions")
    .values({
      harvest_id: harvestId,
      region_id: scope.regionId,
      text: v.text,
      kind: v.kind,
      sector: v.sector,
      origin: "manual",
      source_label: v.sourceLabel,
      tags: JSON.stringify(v.tags),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return ok(row);
}

/**
 * Merges several contributions that say the same into one (`into`): the others point at it and
 * count no more on their own, but keep their texts, so where the merged one came from stays
 * readable. Tags are combined. Contributions merged into one of the others move along to `into`.
 */
export async function mergeContributions(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ id: string; merged: number }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(harvestId)) return notFound();
  const parsed = mergeSchema.safeParse(input);
  if (!parsed.success) return fail("harvest.mergeChoose");
  const into = parsed.data.into;
  const ids = [...new Set(parsed.data.ids.filter(isId))];
  if (!isId(into)) return fail("harvest.mergeChooseKeep");
  const others = ids.filter((id) => id !== into);
  if (others.length === 0) return fail("harvest.mergeChoose");
  if (others.length > 500) return fail("validation.tooMany", undefined, { max: 500 });

  return scope.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("contributions")
      .select(["id", "tags", "merged_into_id"])
      .where("region_id", "=", scope.regionId)
      .where("harvest_id", "=", harvestId)
      .where("id", "in", [into, ...others])
      .forUpdate()
      .execute();
    if (rows.length !== others.length + 1) return notFound();
    const keep = rows.find((r) => r.id === into)!;
    if (keep.merged_into_id !== null) return fail("harvest.mergeAlreadyMerged");

    const tags = [...tagsOf(keep.tags)];
    for (const r of rows) {
      for (const tag of tagsOf(r.tags)) {
        if (!tags.some((t) => t.toLocaleLowerCase("nl") === tag.toLocaleLowerCase("nl")))
          tags.push(tag);
      }
    }
    await trx
      .updateTable("contributions")
      .set({ merged_into_id: into, updated_at: sql`now()` })
      .where("region_id", "=", scope.regionId)
      .where("harvest_id", "=", harvestId)
      .where((eb) => eb.or([eb("id", "in", others), eb("merged_into_id", "in", others)]))
      .execute();
    await trx
      .updateTable("contributions")
      .set({
        tags: JSON.stringify(tags.slice(0, HARVEST_LIMITS.tags)),
        updated_at: sql`now()`,
      })
      .where("id", "=", into)
      .execute();
    return ok({ id: into, merged: others.length });
  });
}

/** Takes a merged contribution out again: it counts on its own once more. */
export async function unmergeContribution(
  scope: RegionScope,
  harvestId: string,
  id: string,
): Promise<Result<{ id: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  return change(scope, harvestId, id, { merged_into_id: null });
}
