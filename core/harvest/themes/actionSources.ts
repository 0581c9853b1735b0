import type { Tx } from "../../kernel/tx.ts";
import { isId } from "../../kernel/validate.ts";
import { curate } from "./curate.ts";

/**
 * What an action answers (`action_sources`): whole themes or single contributions. The actions
 * module decides who may link what and to which action; the rows are written here, beside the
 * themes they hang from, so that linking a theme curates it (proposing again would otherwise
 * delete the theme and the link with it) and merging themes can carry the links along.
 */

export interface LinkableTheme {
  id: string;
  harvest_id: string;
}

/**
 * A theme of a harvest of the region, with that harvest's row locked for the rest of the
 * transaction (the lock every change to its themes takes), or undefined.
 */
export async function lockThemeInRegion(
  tx: Tx,
  regionId: string,
  themeId: unknown,
): Promise<LinkableTheme | undefined> {
  if (typeof themeId !== "string" || !isId(themeId)) return undefined;
  const seen = await tx
    .selectFrom("harvest_themes as t")
    .innerJoin("harvests as h", "h.id", "t.harvest_id")
    .select(["t.id", "t.harvest_id"])
    .where("t.id", "=", themeId)
    .where("h.region_id", "=", regionId)
    .executeTakeFirst();
  if (!seen) return undefined;
  await tx
    .selectFrom("harvests")
    .select("id")
    .where("id", "=", seen.harvest_id)
    .forUpdate()
    .executeTakeFirst();
  // Read again once the lock is ours: a proposal that held it may have replaced the theme, and
  // a statement started before the wait would still see it (a link to it would then fail).
  return tx
    .selectFrom("harvest_themes")
    .select(["id", "harvest_id"])
    .where("id", "=", seen.id)
    .where("harvest_id", "=", seen.harvest_id)
    .executeTakeFirst();
}

/** The action answers the theme (found with `lockThemeInRegion`); the theme is curated. */
export async function answerTheme(tx: Tx, actionId: string, theme: LinkableTheme) {
  await tx
    .insertInto("action_sources")
    .values({ action_id: actionId, theme_id: theme.id })
    .onConflict((oc) =>
      oc.columns(["action_id", "theme_id"]).where("theme_id", "is not", null).doNothing(),
    )
    .execute();
  await curate(tx, theme.harvest_id, [theme.id]);
}

/** The action answers these contributions (of its region, checked by the caller); one statement. */
export async function answerContributions(
  tx: Tx,
  actionId: string,
  contributionIds: readonly string[],
) {
  if (contributionIds.length === 0) return;
  await tx
    .insertInto("action_sources")
    .values(contributionIds.map((c) => ({ action_id: actionId, contribution_id: c })))
    .onConflict((oc) =>
      oc
        .columns(["action_id", "contribution_id"])
        .where("contribution_id", "is not", null)
        .doNothing(),
    )
    .execute();
}

/**
 * Removes a theme or a contribution from the action's sources; false when neither is named. A
 * theme unlinked was touched by a person, so it stays curated. `action` is the guarded row.
 */
export async function dropSource(
  tx: Tx,
  action: { id: string; harvest_id: string | null },
  source: { themeId?: unknown; contributionId?: unknown },
): Promise<boolean> {
  const { themeId, contributionId } = source;
  if (isId(themeId)) {
    const gone = await tx
      .deleteFrom("action_sources")
      .where("action_id", "=", action.id)
      .where("theme_id", "=", themeId)
      .returning("theme_id")
      .execute();
    if (gone.length > 0 && action.harvest_id) await curate(tx, action.harvest_id, [themeId]);
    return true;
  }
  if (isId(contributionId)) {
    await tx
      .deleteFrom("action_sources")
      .where("action_id", "=", action.id)
      .where("contribution_id", "=", contributionId)
      .execute();
    return true;
  }
  return false;
}
