import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { groupTexts, OTHER_GROUP } from "../../textGrouping/index.ts";
import { harvestPolicy } from "../policy.ts";
import { replaceable } from "./curate.ts";
import { THEME_LABEL_MAX, withThemes } from "./harvest.ts";

export interface ProposeOutcome {
  /** Proposed themes made (the "other" theme included). */
  proposed: number;
  /** Contributions grouped into them. */
  grouped: number;
  /** Curated themes left as they were. */
  curated: number;
}

/**
 * Groups the contributions that are free to move (visible, not merged, not placed by hand, not in
 * a curated theme) and replaces the proposed themes with the outcome. Curated themes, with their
 * quotes and action links, and placed contributions are never touched, however often it runs.
 * Reads then writes under the harvest's row lock.
 */
export async function proposeThemes(
  scope: RegionScope,
  harvestId: string,
  options: { k?: number } = {},
): Promise<Result<ProposeOutcome>> {
  return withThemes(scope, harvestPolicy.proposeThemes, harvestId, async (tx, harvest) => {
    const rows = await tx
      .selectFrom("contributions as c")
      .leftJoin("harvest_themes as t", "t.id", "c.theme_id")
      .select(["c.id", "c.text", "c.theme_locked", "t.origin"])
      .where("c.harvest_id", "=", harvest.id)
      .where("c.region_id", "=", scope.regionId)
      .where("c.hidden", "=", false)
      .where("c.merged_into_id", "is", null)
      .orderBy("c.created_at")
      .orderBy("c.id")
      .execute();
    const free = rows.filter(
      (r) => !r.theme_locked && (r.origin === null || replaceable(r.origin)),
    );

    const themes = await tx
      .selectFrom("harvest_themes")
      .select(["id", "label", "position", "origin"])
      .where("harvest_id", "=", harvest.id)
      .execute();
    const kept = themes.filter((t) => !replaceable(t.origin));
    const old = themes.filter((t) => replaceable(t.origin)).map((t) => t.id);
    // The old proposal goes last, once no free contribution points at it any more: one write per
    // contribution instead of two. Hidden and merged ones in it lose their theme (ON DELETE SET NULL).
    const dropOld = async () => {
      if (old.length > 0) await tx.deleteFrom("harvest_themes").where("id", "in", old).execute();
    };
    if (free.length === 0) {
      await dropOld();
      return ok({ proposed: 0, grouped: 0, curated: kept.length });
    }

    const { groups } = groupTexts(free, { language: harvest.language, k: options.k });
    // A proposal never takes a curated theme's name: "stage" beside a curated "Stage" is "stage (2)".
    const taken = new Set(kept.map((c) => c.label.toLowerCase()));
    let position = kept.reduce((m, c) => Math.max(m, c.position), -1) + 1;
    const made = groups.map((g) => {
      const base = g.other ? OTHER_GROUP[harvest.language] : g.label;
      let label = base;
      for (let i = 2; taken.has(label.toLowerCase()); i++) label = `${base} (${i})`;
      taken.add(label.toLowerCase());
      return {
        id: randomUUID(),
        harvest_id: harvest.id,
        label: label.slice(0, THEME_LABEL_MAX),
        position: position++,
        origin: "proposed" as const,
        ids: g.ids,
      };
    });
    await tx
      .insertInto("harvest_themes")
      .values(made.map(({ ids: _ids, ...t }) => t))
      .execute();
    const contributionIds = made.flatMap((t) => t.ids);
    const themeIds = made.flatMap((t) => t.ids.map(() => t.id));
    await sql`
      UPDATE contributions AS c SET theme_id = v.theme_id
      FROM unnest(${contributionIds}::uuid[], ${themeIds}::uuid[]) AS v(id, theme_id)
      WHERE c.id = v.id AND c.harvest_id = ${harvest.id} AND c.theme_locked = false
    `.execute(tx);
    await dropOld();
    return ok({ proposed: made.length, grouped: free.length, curated: kept.length });
  });
}
