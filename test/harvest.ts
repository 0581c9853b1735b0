import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { hashToken, newToken } from "../core/accounts/tokens.ts";
import { newJoinCode } from "../core/dialogue/joinCode.ts";
import type { Template } from "../core/dialogue/template.ts";
import { createHarvest } from "../core/harvest/createHarvest.ts";
import type { RegionScope } from "../core/kernel/scope.ts";

const l = (nl: string, en: string) => ({ nl, en });

/**
 * A development session as seed 004 describes it: a dream to each participant, a dilemma to each
 * group (written by its scribe), and a scale question that is not harvested.
 */
export const developmentTemplate: Template = {
  title: l("Ontwikkelsessie", "Development session"),
  description: l("", ""),
  themes: [
    {
      id: "candidate",
      title: l("De kandidaat centraal", "The candidate first"),
      intro: l("", ""),
      questions: [
        {
          id: "candidate-dream",
          kind: "open",
          audience: "individual",
          prompt: l("Wat is jouw droom voor de regio?", "What is your dream for the region?"),
        },
        {
          id: "candidate-group",
          kind: "open",
          audience: "group",
          prompt: l("Welk dilemma zien jullie?", "Which dilemma do you see?"),
        },
        {
          id: "candidate-scale",
          kind: "scale",
          audience: "individual",
          prompt: l("Hoe urgent?", "How urgent?"),
          min: 1,
          max: 5,
          minLabel: l("niet", "not"),
          maxLabel: l("zeer", "very"),
        },
      ],
    },
  ],
  closing: { title: l("Tot slot", "Finally"), tips: [] },
  sources: [],
};

export interface SessionAnswer {
  participant: number;
  questionId: string;
  value: unknown;
  hidden?: boolean;
}

/**
 * A session of the scope's region with participants (sector per participant, null for none)
 * and the given answers, stored as the live hub stores them.
 */
export async function makeHarvestSession(
  scope: RegionScope,
  opts: {
    title?: string;
    eventId?: string | null;
    sectors?: (string | null)[];
    answers?: SessionAnswer[];
  } = {},
) {
  const { db } = scope;
  const session = await db
    .insertInto("dialogue_sessions")
    .values({
      region_id: scope.regionId,
      title: opts.title ?? "Ontwikkelsessie 1",
      language: "nl",
      content: JSON.stringify(developmentTemplate),
      join_code: newJoinCode(),
      current_question_id: "candidate-dream",
      created_by: scope.userId,
      event_id: opts.eventId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const participants: string[] = [];
  for (const sector of opts.sectors ?? ["mbo", "hbo", null]) {
    const row = await db
      .insertInto("dialogue_participants")
      .values({ session_id: session.id, device_token_hash: hashToken(newToken()), sector })
      .returning("id")
      .executeTakeFirstOrThrow();
    participants.push(row.id);
  }
  const answers = opts.answers ?? [
    { participant: 0, questionId: "candidate-dream", value: "Iedereen leert een leven lang" },
    { participant: 1, questionId: "candidate-dream", value: "Stages in elke wijk" },
    { participant: 2, questionId: "candidate-dream", value: "Verborgen antwoord", hidden: true },
    { participant: 0, questionId: "candidate-group", value: "Tijd voor leren of tijd voor zorg?" },
    { participant: 1, questionId: "candidate-scale", value: 4 },
  ];
  for (const [i, a] of answers.entries()) {
    await setAnswer(scope, session.id, participants[a.participant]!, a.questionId, a.value, {
      hidden: a.hidden,
      key: `k-${i}`,
    });
  }
  return { sessionId: session.id, participants };
}

/** Stores or replaces one answer, as a participant changing their answer does. */
export async function setAnswer(
  scope: RegionScope,
  sessionId: string,
  participantId: string,
  questionId: string,
  value: unknown,
  opts: { hidden?: boolean; key?: string } = {},
) {
  await scope.db
    .insertInto("dialogue_answers")
    .values({
      session_id: sessionId,
      question_id: questionId,
      participant_id: participantId,
      value: JSON.stringify(value),
      idempotency_key: opts.key ?? newToken(),
      hidden: opts.hidden ?? false,
    })
    .onConflict((oc) =>
      oc.columns(["session_id", "question_id", "participant_id"]).doUpdateSet({
        value: JSON.stringify(value),
        updated_at: sql`clock_timestamp()`,
      }),
    )
    .execute();
}

/** A harvest of the scope's region; the scope must be organiser or admin. */
export async function makeHarvest(
  scope: RegionScope,
  input: Record<string, unknown> = {},
): Promise<{ id: string; slug: string }> {
  const result = await createHarvest(scope, {
    title: "Samenwerken aan een lerende regio",
    ...input,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

/** An event of the scope's region, for harvests that take an event as their source. */
export async function makeEvent(scope: RegionScope, title = "Ontwikkelsessies") {
  const starts = new Date(Date.now() + 86_400_000);
  return scope.db
    .insertInto("events")
    .values({
      region_id: scope.regionId,
      slug: `event-${randomUUID().slice(0, 8)}`,
      kind: "development_session",
      title,
      mode: "online",
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 3_600_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}
