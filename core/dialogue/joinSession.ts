import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { hashToken, newToken } from "../accounts/tokens.ts";
import { SECTORS } from "../kernel/sectors.ts";
import { rateLimited, fail, ok, type Result } from "../kernel/result.ts";
import { validate } from "../kernel/validate.ts";
import { normaliseJoinCode } from "./joinCode.ts";
import type { JoinSource } from "./joinLimits.ts";
import { findOpenSessionByCode, findParticipant, type Participant } from "./publicQueries.ts";
import type { SessionRow } from "./session.ts";

export const joinSchema = z.object({
  displayName: z
    .string()
    .trim()
    .max(60, { error: () => "validation.tooLong|60" })
    .default(""),
  organisation: z
    .string()
    .trim()
    .max(200, { error: () => "validation.tooLong|200" })
    .default(""),
  sector: z.union([z.enum(SECTORS), z.literal("")], { error: "validation.choice" }).default(""),
});

/**
 * Joins a session by code, without an account. A device that joined before (same device token)
 * gets its participant back, so a reload or reconnect resumes instead of counting twice.
 * Name, organisation and sector are optional: anonymous participation is the default.
 *
 * With a `source` (every join that comes in over HTTP), a new participant takes one join from
 * that source's allowance for the session ("dialogue.tooManyJoins" once it is spent) and carries
 * the source's fingerprint; a device that resumes takes nothing.
 */
export async function joinSession(
  db: Db,
  code: unknown,
  input: unknown,
  deviceToken: string | null,
  source?: JoinSource,
): Promise<
  Result<{ session: SessionRow; participant: Participant; deviceToken: string; resumed: boolean }>
> {
  const normal = normaliseJoinCode(code);
  const session = normal ? await findOpenSessionByCode(db, normal) : null;
  if (!session) return fail("dialogue.unknownCode");
  if (deviceToken) {
    const existing = await findParticipant(db, session.id, deviceToken);
    if (existing) return ok({ session, participant: existing, deviceToken, resumed: true });
  }
  const parsed = validate(joinSchema, input ?? {});
  if (!parsed.ok) return parsed;
  if (source && !(await source.admit(session.id))) return rateLimited("dialogue.tooManyJoins");
  const token = newToken();
  const row = await db
    .insertInto("dialogue_participants")
    .values({
      session_id: session.id,
      device_token_hash: hashToken(token),
      display_name: parsed.value.displayName || null,
      organisation: parsed.value.organisation || null,
      sector: parsed.value.sector || null,
      client_fingerprint: source?.fingerprint ?? null,
    })
    .returning(["id", "display_name", "sector", "group_no", "is_scribe"])
    .executeTakeFirstOrThrow();
  return ok({
    session,
    participant: {
      id: row.id,
      sessionId: session.id,
      displayName: row.display_name,
      sector: row.sector,
      groupNo: row.group_no,
      isScribe: row.is_scribe,
    },
    deviceToken: token,
    resumed: false,
  });
}
