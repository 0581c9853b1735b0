import { sql } from "kysely";
import { z } from "zod";
import { newToken } from "../accounts/tokens.ts";
import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { dialoguePolicy } from "./policy.ts";
import {
  SESSION_COLUMNS,
  stateOf,
  toSessionRow,
  type SessionRow,
  type SessionState,
} from "./session.ts";
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
    cmd: z.literal("names"),
    on: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
  }),
  z.object({
    cmd: z.literal("share"),
    on: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
  }),
]);
export type Command = z.infer<typeof commandSchema>;

/**
 * The facilitator's console: each command is one change of the session's row that also raises the version, so clients
 * that reconnect can tell whether what they show is current. Moving to another question closes
 * answering and hides results, so nobody answers a question they cannot see.
 */
export function controlSession(
  scope: RegionScope,
  sessionId: unknown,
  input: unknown,
): Promise<Result<SessionState>> {
  // Locked: "next" and "previous" count from the current question, and the shared link keeps
  // its token, so two commands at once must not both start from the same row.
  return withRow(
    scope,
    { role: dialoguePolicy.controlSession, table: "dialogue_sessions", id: sessionId, lock: true },
    async (tx, row) => {
      const parsed = commandSchema.safeParse(input);
      if (!parsed.success) return fail("errors.badRequest");
      const updated = await tx
        .updateTable("dialogue_sessions")
        .set({ ...changeFor(toSessionRow(row), parsed.data), version: sql`version + 1` })
        .where("id", "=", row.id)
        .returning(SESSION_COLUMNS)
        .executeTakeFirstOrThrow();
      return ok(stateOf(toSessionRow(updated)));
    },
  );
}

/** What a command changes in the session's row. */
function changeFor(session: SessionRow, c: Command) {
  const all = questionsOf(session.template);
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
  return c.cmd === "next"
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
                        : c.cmd === "names"
                          ? { names_on_wall: c.on }
                          : { share_token: c.on ? (session.shareToken ?? newToken()) : null };
}
