import { hashToken, newToken } from "../core/accounts/tokens.ts";
import { newJoinCode } from "../core/dialogue/joinCode.ts";
import { questionsOf, type Template } from "../core/dialogue/template.ts";
import type { RegionScope } from "../core/kernel/scope.ts";

const l = (nl: string, en: string) => ({ nl, en });

/** A template with one question of every kind, for tests of results and exports. */
export const everyKindTemplate: Template = {
  title: l("Alles", "Everything"),
  description: l("", ""),
  themes: [
    {
      id: "choices",
      title: l("Keuzes", "Choices"),
      intro: l("", ""),
      questions: [
        {
          id: "single",
          kind: "single",
          audience: "individual",
          prompt: l("Welke vorm?", "Which form?"),
          options: [
            { id: "a", label: l("Werkplaats", "Workshop") },
            { id: "b", label: l("Lab", "Lab") },
          ],
        },
        {
          id: "multiple",
          kind: "multiple",
          audience: "individual",
          prompt: l("Wie doen mee?", "Who take part?"),
          options: [
            { id: "x", label: l("Studenten", "Students") },
            { id: "y", label: l("Docenten", "Teachers") },
            { id: "z", label: l("Bewoners", "Residents") },
          ],
        },
        {
          id: "scale",
          kind: "scale",
          audience: "individual",
          prompt: l("Hoe tevreden?", "How satisfied?"),
          min: 1,
          max: 5,
          minLabel: l("niet", "not"),
          maxLabel: l("zeer", "very"),
        },
      ],
    },
    {
      id: "cycle",
      title: l("De cyclus", "The cycle"),
      intro: l("", ""),
      questions: [
        {
          id: "ladder",
          kind: "ladder",
          audience: "group",
          prompt: l("Welke trede?", "Which step?"),
        },
        { id: "phases", kind: "phases", audience: "group", prompt: l("Punten?", "Points?") },
        {
          id: "ranking",
          kind: "ranking",
          audience: "individual",
          prompt: l("Wat eerst?", "What first?"),
          options: [
            { id: "p", label: l("Geld", "Money") },
            { id: "q", label: l("Tijd", "Time") },
          ],
        },
        {
          id: "words",
          kind: "wordcloud",
          audience: "individual",
          prompt: l("Drie woorden", "Three words"),
        },
        {
          id: "open",
          kind: "open",
          audience: "individual",
          prompt: l("Wat valt op?", "What stands out?"),
        },
      ],
    },
  ],
  closing: { title: l("Tot slot", "Finally"), tips: [] },
  sources: [],
};

/**
 * Three participants who all answered: Sanne (mbo), Ahmed (hbo) and one anonymous without a
 * sector. Ahmed's open answer is hidden by the facilitator; Sanne's has a theme.
 */
export const everyKindAnswers: Record<string, [unknown, unknown, unknown]> = {
  single: ["a", "a", "b"],
  multiple: [["x", "y"], ["x"], ["z"]],
  scale: [4, 5, 3],
  ladder: [
    { now: 2, desired: 4 },
    { now: 3, desired: 5 },
    { now: 2, desired: 4 },
  ],
  phases: [
    { urgency: 4, network: 1, together: 3, consolidate: 2 },
    { urgency: 3, network: 2, together: 3, consolidate: 2 },
    { urgency: 5, network: 0, together: 3, consolidate: 2 },
  ],
  ranking: [
    ["q", "p"],
    ["q", "p"],
    ["p", "q"],
  ],
  words: [["netwerk", "zorg"], ["netwerk"], ["=som(a1)"]],
  open: ["Meer stages in de zorg", "Geheim antwoord", "Samen leren werkt"],
};

async function insertSession(
  scope: RegionScope,
  opts: { title?: string; language?: "nl" | "en" } = {},
) {
  return scope.db
    .insertInto("dialogue_sessions")
    .values({
      region_id: scope.regionId,
      title: opts.title ?? "Kennissessie Arnhem",
      language: opts.language ?? "nl",
      content: JSON.stringify(everyKindTemplate),
      join_code: newJoinCode(),
      current_question_id: questionsOf(everyKindTemplate)[0]!.question.id,
      created_by: scope.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/**
 * A session in which one anonymous participant per entry of `sectors` answered the single-choice
 * question ("a" and "b" in turn) and the open one ("Antwoord 1", "Antwoord 2", …), for tests of
 * the minimum group size. Returns its id.
 */
export async function makeSessionWithSectors(
  scope: RegionScope,
  sectors: (string | null)[],
): Promise<string> {
  const session = await insertSession(scope);
  for (const [i, sector] of sectors.entries()) {
    const p = await scope.db
      .insertInto("dialogue_participants")
      .values({ session_id: session.id, device_token_hash: hashToken(newToken()), sector })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [questionId, value] of [
      ["single", i % 2 ? "b" : "a"],
      ["open", `Antwoord ${i + 1}`],
    ])
      await scope.db
        .insertInto("dialogue_answers")
        .values({
          session_id: session.id,
          question_id: questionId!,
          participant_id: p.id,
          value: JSON.stringify(value),
          idempotency_key: `${questionId}-${i}`,
        })
        .execute();
  }
  return session.id;
}

/** A session of the scope's region with the answers above; returns its id and participant ids. */
export async function makeSessionWithAnswers(
  scope: RegionScope,
  opts: { title?: string; language?: "nl" | "en" } = {},
) {
  const { db } = scope;
  const session = await insertSession(scope, opts);
  const people = [
    { display_name: "Sanne", organisation: "ROC", sector: "mbo" },
    { display_name: "Ahmed", organisation: "HAN", sector: "hbo" },
    { display_name: null, organisation: null, sector: null },
  ];
  const participants: string[] = [];
  for (const p of people) {
    const row = await db
      .insertInto("dialogue_participants")
      .values({ session_id: session.id, device_token_hash: hashToken(newToken()), ...p })
      .returning("id")
      .executeTakeFirstOrThrow();
    participants.push(row.id);
  }
  for (const [questionId, values] of Object.entries(everyKindAnswers))
    for (let i = 0; i < 3; i++)
      await db
        .insertInto("dialogue_answers")
        .values({
          session_id: session.id,
          question_id: questionId,
          participant_id: participants[i]!,
          value: JSON.stringify(values[i]),
          idempotency_key: `${questionId}-${i}`,
          hidden: questionId === "open" && i === 1,
          theme_label: questionId === "open" && i === 0 ? "Stages" : null,
        })
        .execute();
  return { sessionId: session.id, participants };
}
