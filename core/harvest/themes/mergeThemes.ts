import { sql } from "kysely";
import { z } from "zod";
import { fail, notFound, ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { id } from "../../kernel/validate.ts";
import { harvestPolicy } from "../policy.ts";
import { touched } from "./curate.ts";
import { idList, THEME_SUMMARY_MAX, themesOf, withThemes } from "./harvest.ts";

const mergeSchema = z.object({ from: idList, into: id() });

/**
 * Puts the contributions of the themes `from` into the theme `into` and removes `from`. Their
 * quotes, the actions that answer them and their summaries go along; `into` is curated. Reads
 * then writes under the harvest's row lock.
 */
export async function mergeThemes(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string; merged: number }>> {
  return withThemes(scope, harvestPolicy.mergeThemes, harvestId, async (tx, harvest) => {
    const refs = mergeSchema.safeParse(input);
    if (!refs.success) return notFound();
    const into = refs.data.into;
    const from = [...new Set(refs.data.from)].filter((f) => f !== into);
    if (from.length === 0)
      return fail("validation.failed", { into: { key: "harvestThemes.chooseOther" } });
    const found = await themesOf(tx, harvest.id, [into, ...from]);
    if (!found) return notFound();
    const target = found.find((t) => t.id === into)!;
    const sources = from.map((f) => found.find((t) => t.id === f)!);

    await tx
      .updateTable("contributions")
      .set({ theme_id: into })
      .where("harvest_id", "=", harvest.id)
      .where("theme_id", "in", from)
      .execute();
    await sql`
      INSERT INTO harvest_quotes (theme_id, contribution_id, position)
      SELECT ${into}::uuid, q.contribution_id, 1000 + q.position FROM harvest_quotes q
      WHERE q.theme_id = ANY(${from}::uuid[])
      ON CONFLICT DO NOTHING
    `.execute(tx);
    await sql`
      INSERT INTO action_sources (action_id, theme_id)
      SELECT DISTINCT s.action_id, ${into}::uuid FROM action_sources s
      WHERE s.theme_id = ANY(${from}::uuid[])
        AND NOT EXISTS (SELECT 1 FROM action_sources x WHERE x.action_id = s.action_id AND x.theme_id = ${into}::uuid)
    `.execute(tx);
    const summary = [target.summary, ...sources.map((s) => s.summary)]
      .map((s) => s.trim())
      .filter((s) => s !== "")
      .join("\n\n")
      .slice(0, THEME_SUMMARY_MAX);
    const strategic =
      target.strategic_theme || sources.find((s) => s.strategic_theme)?.strategic_theme || "";
    await tx
      .updateTable("harvest_themes")
      .set(touched({ summary, strategic_theme: strategic }))
      .where("id", "=", into)
      .execute();
    await tx.deleteFrom("harvest_themes").where("id", "in", from).execute();
    return ok({ themeId: into, merged: from.length });
  });
}
