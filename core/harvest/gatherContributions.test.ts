import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { makeEvent, makeHarvest, makeHarvestSession, setAnswer } from "../../test/harvest.ts";
import { setHidden } from "./setHidden.ts";
import { setTags } from "./setTags.ts";
import { updateContribution } from "./updateContribution.ts";
import { gatherContributions } from "./gatherContributions.ts";
import { contributionCounts, listContributions, NO_FILTERS } from "./queries.ts";
import { addSource } from "./addSource.ts";
import { removeSource } from "./removeSource.ts";
import { listSources, sourceChoices } from "./sources.ts";
import { guessKind } from "./types.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const all = { ...NO_FILTERS, hidden: "all" as const };

describe("sources", () => {
  it("adds sessions and events of the region once, refuses another region's, and removes them", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope);
    const { sessionId } = await makeHarvestSession(scope);
    const event = await makeEvent(scope);
    expect(await addSource(scope, harvest.id, { source: "session", sourceId: sessionId })).toEqual({
      ok: true,
      value: { added: true },
    });
    expect(await addSource(scope, harvest.id, { source: "session", sourceId: sessionId })).toEqual({
      ok: true,
      value: { added: false },
    });
    expect((await addSource(scope, harvest.id, { source: "event", sourceId: event.id })).ok).toBe(
      true,
    );
    const sources = await listSources(scope, harvest.id);
    expect(sources.sessions.map((s) => s.id)).toEqual([sessionId]);
    expect(sources.sessions[0]!.answers).toBe(5);
    expect(sources.events.map((e) => e.id)).toEqual([event.id]);
    expect(await sourceChoices(scope, harvest.id)).toEqual({ sessions: [], events: [] });

    const other = await makeScope(t.db, "admin");
    const foreign = await makeHarvestSession(other.scope);
    const refused = await addSource(scope, harvest.id, {
      source: "session",
      sourceId: foreign.sessionId,
    });
    expect(refused.ok).toBe(false);
    // Another region's organiser reaches neither the harvest nor its sources.
    expect(
      (await addSource(other.scope, harvest.id, { source: "session", sourceId: foreign.sessionId }))
        .ok,
    ).toBe(false);
    expect(await listSources(other.scope, harvest.id)).toEqual({ sessions: [], events: [] });

    expect(await removeSource(scope, harvest.id, { source: "event", sourceId: event.id })).toEqual({
      ok: true,
      value: { removed: true },
    });
    expect((await listSources(scope, harvest.id)).events).toEqual([]);
  });

  it("lets a facilitator read but not change", async () => {
    const { scope, region } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope);
    const facilitator = { ...scope, role: "facilitator" as const };
    const { sessionId } = await makeHarvestSession(scope);
    void region;
    expect(
      await addSource(facilitator, harvest.id, { source: "session", sourceId: sessionId }),
    ).toMatchObject({ ok: false, error: { key: "errors.forbidden" } });
    expect(await gatherContributions(facilitator, harvest.id)).toMatchObject({
      ok: false,
      error: { key: "errors.forbidden" },
    });
  });
});

describe("gathering contributions", () => {
  it("pulls open answers in, group answers as group notes, hidden answers hidden", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope);
    const { sessionId } = await makeHarvestSession(scope, { title: "Ontwikkelsessie 3" });
    await addSource(scope, harvest.id, { source: "session", sourceId: sessionId });

    const gathered = await gatherContributions(scope, harvest.id);
    expect(gathered).toEqual({ ok: true, value: { sessions: 1, added: 4, updated: 0 } });

    const { contributions } = await listContributions(scope, harvest.id, all);
    const byText = Object.fromEntries(contributions.map((c) => [c.text, c]));
    expect(byText["Iedereen leert een leven lang"]).toMatchObject({
      origin: "answer",
      kind: "dream",
      sector: "mbo",
      hidden: false,
      sourceLabel: "Ontwikkelsessie 3 · Wat is jouw droom voor de regio?",
      sourceTheme: "De kandidaat centraal",
      sourceSessionId: sessionId,
    });
    // A group's note speaks for the group: no sector of the scribe's.
    expect(byText["Tijd voor leren of tijd voor zorg?"]).toMatchObject({
      origin: "group_note",
      kind: "dilemma",
      sector: null,
    });
    expect(byText["Verborgen antwoord"]).toMatchObject({ hidden: true });
    // The scale answer is not an open answer.
    expect(contributions).toHaveLength(4);

    const counts = await contributionCounts(scope, harvest.id);
    expect(counts.total).toBe(3);
    expect(counts.hidden).toBe(1);
    expect(counts.byKind).toMatchObject({ dream: 2, dilemma: 1, idea: 0 });
    expect(counts.byOrigin).toMatchObject({ answer: 2, group_note: 1 });
    expect(counts.bySector).toMatchObject({ mbo: 1, hbo: 1, none: 1 });
  });

  it("gathers twice without duplicates, updates changed answers and keeps the organiser's edits", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope);
    const { sessionId, participants } = await makeHarvestSession(scope);
    await addSource(scope, harvest.id, { source: "session", sourceId: sessionId });
    await gatherContributions(scope, harvest.id);

    const first = (await listContributions(scope, harvest.id, all)).contributions;
    const dream = first.find((c) => c.text === "Stages in elke wijk")!;
    const note = first.find((c) => c.origin === "group_note")!;
    // The organiser corrects the kind, tags one, hides one and puts one in a theme.
    await updateContribution(scope, harvest.id, dream.id, {
      text: "Stages in elke wijk",
      kind: "idea",
      sector: "hbo",
    });
    await setTags(scope, harvest.id, dream.id, { tags: "stages, wijk" });
    // A correction of an answer that does not change afterwards stays.
    const corrected = first.find((c) => c.text === "Iedereen leert een leven lang")!;
    await updateContribution(scope, harvest.id, corrected.id, {
      text: "Iedereen leert een leven lang (ook buiten werktijd)",
      kind: "dream",
      sector: "",
    });
    await setHidden(scope, harvest.id, note.id, true);
    const theme = await t.db
      .insertInto("harvest_themes")
      .values({ harvest_id: harvest.id, label: "Leren in de wijk", origin: "curated" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable("contributions")
      .set({ theme_id: theme.id, theme_locked: true })
      .where("id", "=", dream.id)
      .execute();

    // Meanwhile a participant changes an answer and a new one comes in.
    await setAnswer(
      scope,
      sessionId,
      participants[1]!,
      "candidate-dream",
      "Stages in elke wijk, ook in de zorg",
    );
    await setAnswer(
      scope,
      sessionId,
      participants[1]!,
      "candidate-group",
      "Wie betaalt de begeleiding?",
    );

    const again = await gatherContributions(scope, harvest.id);
    expect(again).toEqual({ ok: true, value: { sessions: 1, added: 1, updated: 1 } });
    const third = await gatherContributions(scope, harvest.id);
    expect(third).toEqual({ ok: true, value: { sessions: 1, added: 0, updated: 0 } });

    const after = (await listContributions(scope, harvest.id, all)).contributions;
    expect(after).toHaveLength(5);
    const edited = after.find((c) => c.id === dream.id)!;
    expect(edited).toMatchObject({
      text: "Stages in elke wijk, ook in de zorg",
      kind: "idea",
      tags: ["stages", "wijk"],
      theme: { id: theme.id, label: "Leren in de wijk" },
    });
    // The sector comes from the participant again: it is theirs, not the organiser's.
    expect(edited.sector).toBe("hbo");
    expect(after.find((c) => c.id === note.id)!.hidden).toBe(true);
    expect(after.find((c) => c.id === corrected.id)).toMatchObject({
      text: "Iedereen leert een leven lang (ook buiten werktijd)",
      sector: null,
    });
  });

  it("gathers the sessions attached to a source event, and only those of the region", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope);
    const event = await makeEvent(scope);
    await makeHarvestSession(scope, { title: "Bij de bijeenkomst", eventId: event.id });
    await makeHarvestSession(scope, { title: "Los" });
    await addSource(scope, harvest.id, { source: "event", sourceId: event.id });
    const gathered = await gatherContributions(scope, harvest.id);
    expect(gathered).toMatchObject({ ok: true, value: { sessions: 1, added: 4 } });
    const { contributions } = await listContributions(scope, harvest.id, all);
    expect(contributions.every((c) => c.sourceLabel.startsWith("Bij de bijeenkomst"))).toBe(true);

    const other = await makeScope(t.db, "organiser");
    expect(await gatherContributions(other.scope, harvest.id)).toMatchObject({
      ok: false,
      error: { key: "errors.notFound" },
    });
    expect((await listContributions(other.scope, harvest.id, all)).total).toBe(0);
  });
});

describe("guessing the kind of a question", () => {
  it("reads dreams, dilemmas, ideas and questions from the id or the prompt", () => {
    expect(guessKind("q-1", "Wat is jouw droom?", "What is your dream?")).toBe("dream");
    expect(guessKind("dilemmas", "", "")).toBe("dilemma");
    expect(guessKind("q-2", "Welke ideeën heb je?", "Which ideas do you have?")).toBe("idea");
    expect(guessKind("q-3", "Welke vragen blijven over?", "Which questions remain?")).toBe(
      "question",
    );
    expect(guessKind("q-4", "Wat is jouw ideale regio?", "What is your ideal region?")).toBe(
      "other",
    );
    expect(guessKind("roles-you", "Welke rol heb jij?", "What is your role?")).toBe("other");
  });
});
