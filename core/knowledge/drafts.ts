import { findSession } from "../dialogue/queries.ts";
import { buildResults } from "../dialogue/sessionResults.ts";
import { inRegion } from "../kernel/guard.ts";
import { fail, notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import type { Tx } from "../kernel/tx.ts";
import { isId } from "../kernel/validate.ts";
import { insertEntry } from "./entries.ts";
import { knowledgePolicy } from "./policy.ts";
import { holdEvidence, KNOWLEDGE_LIMITS, type EntryInput } from "./schema.ts";

const QUOTES = 8;

const clip = (s: string, max: number) =>
  s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
const quote = (s: string) => `> ${s.replace(/\s+/g, " ").trim()}`;

function draftInput(v: {
  title: string;
  summary: string;
  body: string;
  language: "nl" | "en";
  theme?: string;
}): EntryInput {
  return {
    kind: "lesson",
    title: clip(v.title.trim() || "—", KNOWLEDGE_LIMITS.title),
    summary: clip(v.summary.trim(), KNOWLEDGE_LIMITS.summary),
    bodyMd: clip(v.body, KNOWLEDGE_LIMITS.body),
    citation: "",
    sourceUrl: "",
    sectors: [],
    perspectives: [],
    essentials: [],
    ambitionLevels: [],
    phases: [],
    theme: clip(v.theme ?? "", KNOWLEDGE_LIMITS.theme),
    licence: "CC-BY-4.0",
    language: v.language,
  };
}

async function addTrace(
  tx: Tx,
  entryId: string,
  rows: {
    column: "harvest_id" | "harvest_theme_id" | "dialogue_session_id" | "event_id";
    id: string;
    note?: string;
  }[],
) {
  await tx
    .insertInto("knowledge_entry_evidence")
    .values(rows.map((r) => ({ entry_id: entryId, [r.column]: r.id, note: r.note ?? "" })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * A draft lesson from a harvest theme, or from the theme's paragraph of the harvest's
 * publication: the label becomes the title, its summary the summary, its quotes the body. The
 * theme and its harvest are kept as evidence, so the lesson leads back to the input it came from.
 * The theme is held FOR SHARE while the draft is written, so a merge cannot delete it halfway.
 */
export async function draftFromTheme(
  scope: RegionScope,
  themeId: unknown,
  from: "theme" | "publication",
): Promise<Result<{ id: string }>> {
  return inRegion(scope, knowledgePolicy.draftFrom, async (tx) => {
    if (!isId(themeId)) return notFound();
    const held = await holdEvidence(tx, scope.regionId, "theme", themeId);
    if (!held) return notFound();
    const theme = await tx
      .selectFrom("harvest_themes as t")
      .innerJoin("harvests as h", "h.id", "t.harvest_id")
      .select([
        "t.id",
        "t.label",
        "t.summary",
        "t.strategic_theme",
        "h.id as harvest_id",
        "h.language",
        "h.publication_title",
        "h.title as harvest_title",
      ])
      .where("t.id", "=", held.id)
      .executeTakeFirstOrThrow();
    const quotes = await tx
      .selectFrom("contributions as c")
      .leftJoin("harvest_quotes as q", (j) =>
        j.onRef("q.contribution_id", "=", "c.id").on("q.theme_id", "=", theme.id),
      )
      .select("c.text")
      .where("c.theme_id", "=", theme.id)
      .where("c.hidden", "=", false)
      .where("c.merged_into_id", "is", null)
      // The organiser's chosen quotes first, in their order; then the rest as they came in.
      .orderBy((eb) => eb.case().when("q.position", "is", null).then(1).else(0).end())
      .orderBy("q.position")
      .orderBy("c.created_at")
      .limit(QUOTES)
      .execute();
    const paragraphs =
      from === "publication"
        ? [theme.summary, ...quotes.map((q) => quote(q.text))]
        : quotes.map((q) => quote(q.text));
    const entry = await insertEntry(
      tx,
      scope.regionId,
      scope.userId,
      draftInput({
        title: theme.label,
        summary: theme.summary,
        body: paragraphs.filter((p) => p.trim() !== "").join("\n\n"),
        language: theme.language,
        theme: theme.strategic_theme,
      }),
    );
    if (!entry) return fail("validation.failed", { title: { key: "knowledge.slugTaken" } });
    await addTrace(tx, entry.id, [
      {
        column: "harvest_theme_id",
        id: theme.id,
        note:
          from === "publication" ? clip(theme.publication_title || theme.harvest_title, 2000) : "",
      },
      { column: "harvest_id", id: theme.harvest_id },
    ]);
    return ok({ id: entry.id });
  });
}

/**
 * A draft lesson from a dialogue session's result: one question (an open one by default) with
 * its visible answers, without names, as quotes. The session (and its event, if it had one) is
 * kept as evidence.
 */
export async function draftFromSession(
  scope: RegionScope,
  sessionId: unknown,
  questionId?: unknown,
): Promise<Result<{ id: string }>> {
  const session = await findSession(scope, sessionId);
  if (!session) return notFound();
  const { results } = await buildResults(scope.db, session, { names: false });
  const question =
    results.questions.find((q) => q.question.id === questionId) ??
    results.questions.find((q) => q.question.kind === "open" && (q.open?.length ?? 0) > 0) ??
    results.questions[0];
  const lang = session.language;
  const prompt = question ? question.question.prompt[lang] : "";
  const answers = (question?.open ?? []).filter((a) => !a.hidden).slice(0, QUOTES * 2);
  return inRegion(scope, knowledgePolicy.draftFrom, async (tx) => {
    const held = await tx
      .selectFrom("dialogue_sessions")
      .select(["id", "event_id"])
      .where("id", "=", session.id)
      .where("region_id", "=", scope.regionId)
      .forShare()
      .executeTakeFirst();
    if (!held) return notFound();
    const entry = await insertEntry(
      tx,
      scope.regionId,
      scope.userId,
      draftInput({
        title: prompt ? `${session.title}: ${prompt}` : session.title,
        summary: prompt,
        body: answers.map((a) => quote(a.text)).join("\n\n"),
        language: lang,
      }),
    );
    if (!entry) return fail("validation.failed", { title: { key: "knowledge.slugTaken" } });
    await addTrace(tx, entry.id, [
      { column: "dialogue_session_id", id: held.id, note: clip(prompt, 2000) },
      ...(held.event_id ? [{ column: "event_id" as const, id: held.event_id }] : []),
    ]);
    return ok({ id: entry.id });
  });
}
