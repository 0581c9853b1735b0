import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../i18n/index.ts";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeSessionWithAnswers } from "../../test/dialogueResults.ts";
import { makeScope } from "../../test/fixtures.ts";
import { makeEvent } from "../../test/harvest.ts";
import { createOrganisation } from "../people/createOrganisation.ts";
import { assignRole } from "./assignRole.ts";
import { changePhase } from "./changePhase.ts";
import { createChallenge } from "./createChallenge.ts";
import { linkActivity } from "./linkActivity.ts";
import { rateChallenge } from "./rateChallenge.ts";
import { setAmbition } from "./setAmbition.ts";
import {
  describeRow,
  exportTimeline,
  parseTimelineFilter,
  timeline,
  type TimelineFilter,
} from "./timeline.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

const all: TimelineFilter = { kinds: [], challengeId: null, from: null, to: null };

describe("timeline", () => {
  it("holds everything that happened, newest first, for one challenge or the region", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const other = await makeScope(t.db, "organiser");
    await must(createChallenge(other.scope, { title: "Elders" }));
    const org = await must(createOrganisation(scope, { name: "ROC Rijn", sector: "mbo" }));
    const a = await must(createChallenge(scope, { title: "Zorgpersoneel" }));
    const b = await must(createChallenge(scope, { title: "Energie" }));
    const { sessionId } = await makeSessionWithAnswers(scope, { title: "Kennissessie" });
    const event = await makeEvent(scope, "Netwerkdag");
    await must(linkActivity(scope, a.id, { kind: "session", id: sessionId }));
    await must(linkActivity(scope, a.id, { kind: "event", id: event.id }));
    await must(rateChallenge(scope, a.id, { organisationId: org.id, urgency: 5, importance: 4 }));
    await must(assignRole(scope, a.id, { role: "funder", organisationId: org.id }));
    await must(setAmbition(scope, a.id, { now: 2, desired: 4, note: "Eerste inschatting" }));
    await must(changePhase(scope, a.id, { phase: 2, reason: "Partners gevonden" }));

    const one = await timeline(scope, { ...all, challengeId: a.id });
    expect(one.cut).toBe(false);
    const kinds = one.rows.map((r) => r.kind);
    // The event lies in the future: linked, not yet held.
    expect(kinds.sort()).toEqual(
      [
        "ambitionSet",
        "created",
        "linked",
        "linked",
        "phaseChanged",
        "rated",
        "roleAssigned",
        "sessionRun",
      ].sort(),
    );
    const times = one.rows.map((r) => r.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const nl = translator("nl");
    const phase = one.rows.find((r) => r.kind === "phaseChanged")!;
    expect(describeRow(nl, phase)).toEqual({
      title: "Urgente opgave → Netwerk vormen",
      detail: "Partners gevonden",
    });
    const rated = one.rows.find((r) => r.kind === "rated")!;
    expect(describeRow(nl, rated).title).toBe("ROC Rijn: urgentie 5, belang 4");
    const role = one.rows.find((r) => r.kind === "roleAssigned")!;
    expect(describeRow(translator("en"), role).title).toBe("Funder: ROC Rijn");

    const region = await timeline(scope, all);
    expect(new Set(region.rows.map((r) => r.challenge.title))).toEqual(
      new Set(["Zorgpersoneel", "Energie"]),
    );
    // Another region's challenge has no history here.
    const foreign = await timeline(other.scope, { ...all, challengeId: a.id });
    expect(foreign.rows).toEqual([]);

    const onlyPhases = await timeline(scope, { ...all, kinds: ["phaseChanged", "created"] });
    expect(onlyPhases.rows.map((r) => r.kind).sort()).toEqual([
      "created",
      "created",
      "phaseChanged",
    ]);
    expect(onlyPhases.rows.some((r) => r.challenge.id === b.id)).toBe(true);

    const limited = await timeline(scope, all, 3);
    expect(limited.rows).toHaveLength(3);
    expect(limited.cut).toBe(true);

    const past = await timeline(scope, { ...all, from: "2000-01-01", to: "2000-12-31" });
    expect(past.rows).toEqual([]);
    const around = await timeline(scope, { ...all, from: "2000-01-01", to: "2100-01-01" });
    expect(around.rows.length).toBe(region.rows.length);
  });

  it("reads its filter from the query string and says what is wrong", () => {
    const good = parseTimelineFilter(
      new URLSearchParams("kind=rated&kind=linked&from=2026-01-01&to=2026-02-28"),
    );
    expect(good).toEqual({
      ok: true,
      value: {
        kinds: ["rated", "linked"],
        challengeId: null,
        from: "2026-01-01",
        to: "2026-02-28",
      },
    });
    const empty = parseTimelineFilter(new URLSearchParams("from=&to=&challenge="));
    expect(empty.ok).toBe(true);
    const badDate = parseTimelineFilter(new URLSearchParams("from=2026-02-31"));
    expect(badDate).toMatchObject({
      ok: false,
      kind: "invalid",
      fieldErrors: { from: { key: "challengeDashboard.timeline.badDate" } },
    });
    expect(parseTimelineFilter(new URLSearchParams("to=gisteren"))).toMatchObject({
      ok: false,
      fieldErrors: { to: { key: "challengeDashboard.timeline.badDate" } },
    });
    expect(parseTimelineFilter(new URLSearchParams("from=2026-03-01&to=2026-01-01"))).toMatchObject(
      { ok: false, fieldErrors: { to: { key: "challengeDashboard.timeline.badRange" } } },
    );
    expect(parseTimelineFilter(new URLSearchParams("kind=nonsense")).ok).toBe(false);
  });

  it("exports the rows with translated headers and guarded formulas", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    await must(createChallenge(scope, { title: "=HYPERLINK(1)" }));
    const csv = await must(exportTimeline(scope, all, "csv", "en"));
    const text = new TextDecoder().decode(csv.body);
    expect(text).toContain("When,Kind,Challenge,What,Details");
    expect(text).toContain("'=HYPERLINK(1)");
    expect(text).toContain("Challenge created");
    const xlsx = await must(exportTimeline(scope, all, "xlsx", "nl"));
    expect(xlsx.fileName).toMatch(/^tijdlijn-.*\.xlsx$/);
    const viewer = await makeScope(t.db, "member");
    expect((await exportTimeline(viewer.scope, all, "csv", "nl")).ok).toBe(false);
  });
});
