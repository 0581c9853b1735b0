import { newJoinCode } from "../dialogue/joinCode.ts";
import { withRow } from "../kernel/guard.ts";
import { conflict, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { scanPolicy } from "./policy.ts";
import { openRoundSchema } from "./schema.ts";

/**
 * Opens the scan's next round with a fresh join code. One round is open at a time: a round is
 * a moment to compare with the next, so the previous one closes first.
 */
export async function openRound(
  scope: RegionScope,
  scanId: unknown,
  input: unknown,
): Promise<Result<{ id: string; joinCode: string }>> {
  // Locked: whether a round is open and the next number are read before the insert. The partial
  // unique index (one open round per scan) would refuse a second one all the same.
  return withRow(
    scope,
    { role: scanPolicy.openRound, table: "scans", id: scanId, lock: true },
    async (tx, scan) => {
      const v = validate(openRoundSchema, input);
      if (!v.ok) return v;
      const rounds = await tx
        .selectFrom("scan_rounds")
        .select(["number", "status"])
        .where("scan_id", "=", scan.id)
        .execute();
      if (rounds.some((r) => r.status === "open")) return conflict("scan.roundAlreadyOpen");
      const number = Math.max(0, ...rounds.map((r) => r.number)) + 1;
      // A code that happens to be taken is drawn again; the unique index decides, not a read.
      for (let attempt = 0; attempt < 10; attempt++) {
        const row = await tx
          .insertInto("scan_rounds")
          .values({
            region_id: scope.regionId,
            scan_id: scan.id,
            number,
            label: v.value.label,
            join_code: newJoinCode(),
          })
          .onConflict((oc) => oc.column("join_code").doNothing())
          .returning(["id", "join_code"])
          .executeTakeFirst();
        if (row) return ok({ id: row.id, joinCode: row.join_code });
      }
      throw new Error("no free join code after 10 attempts");
    },
  );
}
