import { randomInt } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { dialoguePolicy } from "./policy.ts";

export const splitGroupsSchema = z.object({
  mode: z.enum(["random", "mixed", "none"]),
  size: z.coerce.number().int().min(2).max(20).default(4),
});

/**
 * Splits the participants into groups of about `size`. "mixed" deals participants out sorted by
 * sector, so each group gets as many different sectors as the room allows; "random" shuffles
 * first. The first member of each group is its scribe, who answers group questions.
 */
export function splitGroups(
  scope: RegionScope,
  sessionId: unknown,
  input: unknown,
): Promise<Result<{ groups: number }>> {
  // Locked: the groups are dealt from the participants as read, so two splits at once would mix
  // their deals; a participant joining meanwhile waits and comes in without a group.
  return withRow(
    scope,
    { role: dialoguePolicy.splitGroups, table: "dialogue_sessions", id: sessionId, lock: true },
    async (tx, session) => {
      const parsed = splitGroupsSchema.safeParse(input);
      if (!parsed.success) return fail("errors.badRequest");
      const { mode, size } = parsed.data;
      const people = await tx
        .selectFrom("dialogue_participants")
        .select(["id", "sector"])
        .where("session_id", "=", session.id)
        .orderBy("created_at")
        .execute();
      let groups = 0;
      if (mode === "none" || people.length === 0) {
        await tx
          .updateTable("dialogue_participants")
          .set({ group_no: null, is_scribe: false })
          .where("session_id", "=", session.id)
          .execute();
      } else {
        groups = Math.max(1, Math.round(people.length / size));
        for (let i = people.length - 1; i > 0; i--) {
          const j = randomInt(i + 1);
          [people[i], people[j]] = [people[j]!, people[i]!];
        }
        if (mode === "mixed")
          people.sort((a, b) => (a.sector ?? "~").localeCompare(b.sector ?? "~"));
        // One statement for the whole room rather than one per participant.
        const deal = sql.join(
          people.map(
            (p, i) => sql`(${p.id}::uuid, ${(i % groups) + 1}::int, ${i < groups}::boolean)`,
          ),
        );
        await sql`
          UPDATE dialogue_participants AS p SET group_no = d.group_no, is_scribe = d.is_scribe
          FROM (VALUES ${deal}) AS d(id, group_no, is_scribe)
          WHERE p.id = d.id AND p.session_id = ${session.id}`.execute(tx);
      }
      await tx
        .updateTable("dialogue_sessions")
        .set({ version: sql`version + 1` })
        .where("id", "=", session.id)
        .execute();
      return ok({ groups });
    },
  );
}
