import { z } from "zod";
import { notFound, ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { id } from "../../kernel/validate.ts";
import { harvestPolicy } from "../policy.ts";
import { orderedThemes, withThemes } from "./harvest.ts";
import { writeOrder } from "./reorderThemes.ts";

const moveSchema = z.object({ themeId: id(), direction: z.enum(["up", "down"]) });

/** Moves a theme one place up or down in the order; reads and writes the order under the lock. */
export async function moveTheme(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ order: string[] }>> {
  return withThemes(scope, harvestPolicy.reorderThemes, harvestId, async (tx, harvest) => {
    const refs = moveSchema.safeParse(input);
    if (!refs.success) return notFound();
    const order = (await orderedThemes(tx, harvest.id).select("id").execute()).map((r) => r.id);
    const i = order.indexOf(refs.data.themeId);
    if (i < 0) return notFound();
    const j = refs.data.direction === "up" ? i - 1 : i + 1;
    if (j >= 0 && j < order.length) [order[i], order[j]] = [order[j]!, order[i]!];
    const written = await writeOrder(tx, harvest.id, order);
    return written ? ok({ order: written }) : notFound();
  });
}
