import { randomInt } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import { newToken } from "../accounts/tokens.ts";
import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { findSession, stateOf, toSessionRow, type SessionState } from "./queries.ts";
import { questionsOf } from "./template.ts";

export const commandSchema = z.discriminatedUnion("cmd", [
  z.object({ cmd: z.literal("next") }),
  z.object({ cmd: z.literal("previous") }),
  z.object({ cmd: z.literal("goto"), index: z.coerce.number().int().min(0) }),
  z.object({ cmd: z.literal("open") }),
  z.object({ cmd: z.literal("close") }),
  z.object({ cmd: z.literal("show") }),
  z.object({ cmd: z.literal("hide") }),
  z.object({ cmd: z.literal("timer"), seconds: z.coerce.number().int().min(10).max(3600) }),
  z.object({ cmd: z.literal("stopTimer") }),
  z.object({ cmd: z.literal("end") }),
  z.object({ cmd: z.literal("reopen") }),
  z.object({
    cmd: z.literal("share"),
    on: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
  }),
]);
export type Command = z.infer<typeof commandSchema>;

/**
 * The facilitator's console: each command is one UPDATE that also raises the version, so clients
 * that reconnect can tell whether what they show is current. Moving to another question closes
 * answering and hides results, so nobody answers a question they cannot see.
 */
export async function controlSession(
  scope: RegionScope,
  sessionId: string,
  input: unknown,
): Promise<Result<SessionState>> {
  if (!hasRole(scope.role, "facilitator")) return forbidden();
  const parsed = commandSchema.safeParse(input);
  if (!parsed.success) return fail("errors.badRequest");
  const session = await findSession(scope, sessionId);
  if (!session) return notFound();
  const all = questionsOf(session.template);
  const c = parsed.data;
  const move = (index: number) => {
    const to = Math.min(Math.max(0, index), all.length - 1);
    return {
      current_index: to,
      current_question_id: all[to]!.question.id,
      answering_open: false,
      results_visible: false,
      timer_ends_at: null,
    };
  };
  const change =
    c.cmd === "next"
      ? move(session.currentIndex + 1)
      : c.cmd === "previous"
        ? move(session.currentIndex - 1)
        : c.cmd === "goto"
          ? move(c.index)
          : c.cmd === "open"
            ? { answering_open: true }
            : c.cmd === "close"
              ? { answering_open: false, timer_ends_at: null }
              : c.cmd === "show"
                ? { results_visible: true }
                : c.cmd === "hide"
                  ? { results_visible: false }
                  : c.cmd === "timer"
                    ? {
                        answering_open: true,
                        timer_ends_at: new Date(Date.now() + c.seconds * 1000),
                      }
                    : c.cmd === "stopTimer"
                      ? { timer_ends_at: null }
                      : c.cmd === "end"
                        ? {
                            status: "closed" as const,
                            answering_open: false,
                            closed_at: new Date(),
                          }
                        : c.cmd === "reopen"
                          ? { status: "open" as const, closed_at: null }
                          : { share_token: c.on ? (session.shareToken ?? newToken()) : null };
  const row = await scope.db
    .updateTable("dialogue_sessions")
    .set({ ...change, version: sql`version + 1` })
    .where("id", "=", session.id)
    .where("region_id", "=", scope.regionId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return ok(stateOf(toSessionRow(row)));
}

/**
 * Splits the connected participants into groups of about `size`. "mixed" deals participants out
 * sorted by sector, so each group gets as many different sectors as the room allows; "random"
 * shuffles first. The first member of each group is its scribe, who answers group questions.
 */
export async function splitGroups(
  scope: RegionScope,
  sessionId: string,
  input: unknown,
): Promise<Result<{ groups: number }>> {
  if (!hasRole(scope.role, "facilitator")) return forbidden();
  const parsed = z
    .object({
      mode: z.enum(["random", "mixed", "none"]),
      size: z.coerce.number().int().min(2).max(20).default(4),
    })
    .safeParse(input);
  if (!parsed.success) return fail("errors.badRequest");
  const session = await findSession(scope, sessionId);
  if (!session) return notFound();
  const { mode, size } = parsed.data;
  return scope.db.transaction().execute(async (trx) => {
    const people = await trx
      .selectFrom("dialogue_participants")
      .select(["id", "sector"])
      .where("session_id", "=", session.id)
      .orderBy("created_at")
      .execute();
    if (mode === "none" || people.length === 0) {
      await trx
        .updateTable("dialogue_participants")
        .set({ group_no: null, is_scribe: false })
        .where("session_id", "=", session.id)
        .execute();
      await trx
        .updateTable("dialogue_sessions")
        .set({ version: sql`version + 1` })
        .where("id", "=", session.id)
        .execute();
      return ok({ groups: 0 });
    }
    const groups = Math.max(1, Math.round(people.length / size));
    for (let i = people.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [people[i], people[j]] = [people[j]!, people[i]!];
    }
    if (mode === "mixed") people.sort((a, b) => (a.sector ?? "~").localeCompare(b.sector ?? "~"));
    for (let i = 0; i < people.length; i++) {
      await trx
        .updateTable("dialogue_participants")
        .set({ group_no: (i % groups) + 1, is_scribe: i < groups })
        .where("id", "=", people[i]!.id)
        .execute();
    }
    await trx
      .updateTable("dialogue_sessions")
      .set({ version: sql`version + 1` })
      .where("id", "=", session.id)
      .execute();
    return ok({ groups });
  });
}
