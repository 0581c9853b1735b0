import { sql } from "kysely";
import type { Message } from "../../i18n/index.ts";
import { fail, gone, ok, type Result } from "../kernel/result.ts";
import type { Db } from "../kernel/tx.ts";
import { validate } from "../kernel/validate.ts";
import type { ScanFormPage } from "./publicQueries.ts";
import { answerScale, responseSchema } from "./schema.ts";
import { statementField } from "./statements.ts";

export type SubmitOutcome = "stored" | "alreadyAnswered" | "ignored";

/**
 * Stores one anonymous response: no account and no name unless the respondent typed one, their
 * sector and perspective when given, the ladder, the phases and the statements answered.
 *
 * By personal link a response is stored once: the insert does nothing when the link's nonce
 * already answered this round (the unique index on round and nonce decides, in one statement,
 * so two submissions of the same link at once leave one response). The same statement checks
 * the round is still open, so a response racing the organiser's "close" is refused.
 * A filled-in honeypot is answered as a success and stores nothing.
 */
export async function submitResponse(
  db: Db,
  form: Pick<ScanFormPage, "roundId" | "nonce" | "statements">,
  input: unknown,
): Promise<Result<{ outcome: SubmitOutcome }>> {
  const sent = (input ?? {}) as Record<string, unknown>;
  if (typeof sent.website === "string" && sent.website.trim() !== "") {
    return ok({ outcome: "ignored" });
  }
  const v = validate(responseSchema, sent);
  const fieldErrors: Record<string, Message> = v.ok ? {} : { ...v.fieldErrors };
  const answers: { key: string; value: number }[] = [];
  for (const s of form.statements) {
    const field = statementField(s.key);
    const parsed = answerScale.safeParse(sent[field]);
    if (!parsed.success) fieldErrors[field] = { key: "scan.form.pick" };
    else if (parsed.data !== null) answers.push({ key: s.key, value: parsed.data });
  }
  if (!v.ok || Object.keys(fieldErrors).length > 0) return fail("validation.failed", fieldErrors);
  const r = v.value;
  const scales = [r.ladderNow, r.ladderDesired, r.phase1, r.phase2, r.phase3, r.phase4];
  if (answers.length === 0 && scales.every((x) => x === null)) return fail("scan.form.empty");

  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("scan_responses")
      .columns([
        "round_id",
        "region_id",
        "link_nonce",
        "name",
        "sector",
        "perspective",
        "ladder_now",
        "ladder_desired",
        "phase_1",
        "phase_2",
        "phase_3",
        "phase_4",
      ])
      .expression((eb) =>
        eb
          .selectFrom("scan_rounds")
          .select([
            "id",
            "region_id",
            sql<string | null>`${form.nonce}::text`.as("link_nonce"),
            sql<string | null>`${r.name === "" ? null : r.name}::text`.as("name"),
            sql<string | null>`${r.sector}::text`.as("sector"),
            sql<string | null>`${r.perspective}::text`.as("perspective"),
            sql<number | null>`${r.ladderNow}::smallint`.as("ladder_now"),
            sql<number | null>`${r.ladderDesired}::smallint`.as("ladder_desired"),
            sql<number | null>`${r.phase1}::smallint`.as("phase_1"),
            sql<number | null>`${r.phase2}::smallint`.as("phase_2"),
            sql<number | null>`${r.phase3}::smallint`.as("phase_3"),
            sql<number | null>`${r.phase4}::smallint`.as("phase_4"),
          ])
          .where("id", "=", form.roundId)
          .where("status", "=", "open"),
      )
      .onConflict((oc) => oc.columns(["round_id", "link_nonce"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) {
      const round = await tx
        .selectFrom("scan_rounds")
        .select("status")
        .where("id", "=", form.roundId)
        .executeTakeFirst();
      return round?.status === "open"
        ? ok({ outcome: "alreadyAnswered" as const })
        : gone("scan.form.closed");
    }
    if (answers.length > 0) {
      await tx
        .insertInto("scan_answers")
        .values(answers.map((a) => ({ response_id: row.id, statement_key: a.key, value: a.value })))
        .execute();
    }
    return ok({ outcome: "stored" as const });
  });
}
