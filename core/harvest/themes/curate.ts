import type { Tx } from "../../kernel/tx.ts";

export type ThemeOrigin = "proposed" | "curated";

/**
 * The one rule: a theme a person touched is curated. Whatever an edit sets on a theme (a name, a
 * summary, a strategic theme, or nothing but the fact of being touched, as a quote or an action
 * link), it goes through here, so proposing themes again — which replaces only what is still
 * 'proposed' — can never take away a person's work.
 */
export function touched<C extends object>(
  change: C,
  at: Date = new Date(),
): C & { origin: "curated"; updated_at: Date } {
  return { ...change, origin: "curated", updated_at: at };
}

/** Whether proposing again may replace the theme: only while no person has touched it. */
export const replaceable = (origin: ThemeOrigin | null): boolean => origin === "proposed";

/** Marks themes of the harvest as touched by a person, when the edit changes nothing else on them. */
export async function curate(tx: Tx, harvestId: string, themeIds: readonly string[]) {
  if (themeIds.length === 0) return;
  await tx
    .updateTable("harvest_themes")
    .set(touched({}))
    .where("harvest_id", "=", harvestId)
    .where("id", "in", [...themeIds])
    .execute();
}
