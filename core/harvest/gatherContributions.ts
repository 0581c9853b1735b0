import { sql } from "kysely";
import { questionsOf, templateSchema } from "../dialogue/template.ts";
import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import type { Tx } from "../kernel/tx.ts";
import { harvestPolicy } from "./policy.ts";
import { guessKind, HARVEST_LIMITS, isSector, type Kind } from "./types.ts";

export interface Gathered {
  /** Source sessions read, directly or through a source event. */
  sessions: number;
  added: number;
  /** Contributions gathered before whose text or sector changed since. */
  updated: number;
}

interface OpenQuestion {
  id: string;
  label: string;
  theme: string;
  kind: Kind;
  groupNote: boolean;
}

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * A creation time one microsecond apart per row: rows written by one statement share `now()`,
 * and the lists show contributions oldest first, so this keeps the order of the file or of the
 * session (theme, question, answer) instead of the random order of their ids. The table type
 * leaves `created_at` out of inserts on purpose; this is the one place that sets it.
 */
export function inOrder(index: number) {
  return sql<Date>`now() + ${index}::int * interval '1 microsecond'`;
}

/** The source sessions of a harvest: named directly, or attached to a source event. */
async function sourceSessions(trx: Tx, regionId: string, harvestId: string) {
  return trx
    .selectFrom("dialogue_sessions as s")
    .select(["s.id", "s.title", "s.language", "s.content"])
    .where("s.region_id", "=", regionId)
    .where((eb) =>
      eb.or([
        eb(
          "s.id",
          "in",
          eb
            .selectFrom("harvest_sources")
            .select("dialogue_session_id")
            .where("harvest_id", "=", harvestId)
            .where("dialogue_session_id", "is not", null),
        ),
        eb(
          "s.event_id",
          "in",
          eb
            .selectFrom("harvest_sources as hs")
            .innerJoin("events as e", "e.id", "hs.event_id")
            .select("hs.event_id")
            .where("hs.harvest_id", "=", harvestId)
            .where("e.region_id", "=", regionId),
        ),
      ]),
    )
    .orderBy("s.created_at")
    .execute();
}

/**
 * Pulls every answer to an open question of the harvest's source sessions into contributions:
 * individual answers as 'answer', a group's answer (written by its scribe) as 'group_note'.
 * Gathering again is safe: the unique index on (harvest, session, question, participant) turns a
 * second insert into an update of the text, sector and source labels only (and only when the
 * participant changed the answer since), so nothing is added twice and the organiser's kind,
 * tags, hiding, theme and merges stay as they were.
 *
 * A group note gets no sector: it speaks for a group, often of mixed sectors, not for the scribe.
 * An answer hidden in the session comes in hidden.
 */
export async function gatherContributions(
  scope: RegionScope,
  harvestId: string,
): Promise<Result<Gathered>> {
  // Locked: two organisers pressing the button at once gather one after the other.
  const spec = {
    role: harvestPolicy.gatherContributions,
    table: "harvests",
    id: harvestId,
    lock: true,
  } as const;
  return withRow(scope, spec, async (trx) => {
    const sessions = await sourceSessions(trx, scope.regionId, harvestId);
    let added = 0;
    let updated = 0;
    let position = 0;
    for (const session of sessions) {
      const template = templateSchema.safeParse(session.content);
      if (!template.success) continue;
      const lang = session.language;
      const questions = new Map<string, OpenQuestion>();
      for (const { theme, question } of questionsOf(template.data)) {
        if (question.kind !== "open") continue;
        questions.set(question.id, {
          id: question.id,
          label: cut(`${session.title} · ${question.prompt[lang]}`, HARVEST_LIMITS.sourceLabel),
          theme: cut(theme.title[lang], HARVEST_LIMITS.sourceTheme),
          kind: guessKind(question.id, question.prompt.nl, question.prompt.en),
          groupNote: question.audience === "group",
        });
      }
      if (questions.size === 0) continue;

      const answers = await trx
        .selectFrom("dialogue_answers as a")
        .innerJoin("dialogue_participants as p", "p.id", "a.participant_id")
        .select(["a.question_id", "a.participant_id", "a.value", "a.hidden", "p.sector"])
        .where("a.session_id", "=", session.id)
        .where("a.question_id", "in", [...questions.keys()])
        .orderBy("a.created_at")
        .orderBy("a.participant_id")
        .execute();
      const order = [...questions.keys()];
      answers.sort((x, y) => order.indexOf(x.question_id) - order.indexOf(y.question_id));

      const values = answers.flatMap((a) => {
        const q = questions.get(a.question_id)!;
        const text = typeof a.value === "string" ? a.value.trim() : "";
        if (text === "") return [];
        return [
          {
            harvest_id: harvestId,
            region_id: scope.regionId,
            text: text.slice(0, HARVEST_LIMITS.text),
            kind: q.kind,
            origin: q.groupNote ? ("group_note" as const) : ("answer" as const),
            source_session_id: session.id,
            source_question_id: q.id,
            source_participant_id: a.participant_id,
            source_label: q.label,
            source_theme: q.theme,
            sector: !q.groupNote && isSector(a.sector) ? a.sector : null,
            hidden: a.hidden,
            created_at: inOrder(position++),
          },
        ];
      });

      // Batches keep each statement well below PostgreSQL's limit of 65,535 parameters.
      for (let i = 0; i < values.length; i += 500) {
        const rows = await trx
          .insertInto("contributions")
          .values(values.slice(i, i + 500))
          .onConflict((oc) =>
            oc
              .columns([
                "harvest_id",
                "source_session_id",
                "source_question_id",
                "source_participant_id",
              ])
              .where("source_participant_id", "is not", null)
              .doUpdateSet({
                text: (eb) => eb.ref("excluded.text"),
                sector: (eb) => eb.ref("excluded.sector"),
                source_label: (eb) => eb.ref("excluded.source_label"),
                source_theme: (eb) => eb.ref("excluded.source_theme"),
                updated_at: sql`now()`,
              })
              // Only an answer changed after the contribution was last touched is taken over:
              // an organiser's correction (a typo, a name taken out) survives gathering again,
              // and unchanged answers are left alone, so `updated` counts real changes only.
              .where(
                sql<boolean>`EXISTS (
                  SELECT 1 FROM dialogue_answers a
                  WHERE a.session_id = excluded.source_session_id
                    AND a.question_id = excluded.source_question_id
                    AND a.participant_id = excluded.source_participant_id
                    AND a.updated_at > contributions.updated_at)`,
              )
              .where(
                sql<boolean>`(contributions.text, contributions.sector, contributions.source_label, contributions.source_theme)
                  IS DISTINCT FROM (excluded.text, excluded.sector, excluded.source_label, excluded.source_theme)`,
              ),
          )
          .returning(sql<boolean>`(xmax = 0)`.as("inserted"))
          .execute();
        for (const r of rows) {
          if (r.inserted) added++;
          else updated++;
        }
      }
    }
    await trx
      .updateTable("harvests")
      .set({ updated_at: sql`now()` })
      .where("id", "=", harvestId)
      .execute();
    return ok({ sessions: sessions.length, added, updated });
  });
}
