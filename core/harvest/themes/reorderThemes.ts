import { sql } from "kysely";
import { z } from "zod";
import { notFound, ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import type { Tx } from "../../kernel/tx.ts";
import { harvestPolicy } from "../policy.ts";
import { idList, orderedThemes, withThemes } from "./harvest.ts";

const orderSchema = z.object({ order: idList });

/**
 * Writes the harvest's order: the themes `wanted` first, the others after them in the order they
 * had. Null when one of `wanted` is not the harvest's. Order alone does not curate a theme: it
 * loses nothing when proposing again replaces it. Call under the harvest's row lock.
 */
export async function writeOrder(
  tx: Tx,
  harvestId: string,
  wanted: readonly string[],
): Promise<string[] | null> {
  const all = (await orderedThemes(tx, harvestId).select(["id"]).execute()).map((t) => t.id);
  const known = new Set(all);
  if (wanted.some((w) => !known.has(w))) return null;
  const first = [...new Set(wanted)];
  const order = [...first, ...all.filter((t) => !first.includes(t))];
  if (order.length > 0)
    await sql`
      UPDATE harvest_themes AS t SET position = v.position
      FROM unnest(${order}::uuid[], ${order.map((_, i) => i)}::int[]) AS v(id, position)
      WHERE t.id = v.id AND t.harvest_id = ${harvestId}
    `.execute(tx);
  return order;
}

/** Puts the themes in the given order (the publication's order). */
export async function reorderThemes(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ order: string[] }>> {
  return withThemes(scope, harvestPolicy.reorderThemes, harvestId, async (tx, harvest) => {
    const refs = orderSchema.safeParse(input);
    if (!refs.success) return notFound();
    const order = await writeOrder(tx, harvest.id, refs.data.order);
    return order ? ok({ order }) : notFound();
  });
}
