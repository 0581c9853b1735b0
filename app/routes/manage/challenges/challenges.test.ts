import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../../core/kernel/scope.ts";
import { createOrganisation } from "../../../../core/people/createOrganisation.ts";
import { TestClient } from "../../../../test/client.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../../../../test/fixtures.ts";
import { makeSessionWithAnswers } from "../../../../test/dialogueResults.ts";
import { makeEvent } from "../../../../test/harvest.ts";
import { startTestServer, type TestServer } from "../../../../test/server.ts";

let s: TestServer;
let region: { id: string; slug: string };
let scope: Awaited<ReturnType<typeof makeScope>>["scope"];
let organiser: TestClient;

beforeAll(async () => {
  s = await startTestServer();
  const a = await makeScope(s.db, "organiser");
  region = a.region;
  scope = a.scope;
  organiser = new TestClient(s.url);
  await organiser.signIn(a.user.email, TEST_PASSWORD);
});
afterAll(async () => {
  await s.close();
});

const base = () => `/manage/${region.slug}/challenges`;

async function memberWith(role: Role, regionId = region.id) {
  const user = await makeUser(s.db);
  await s.db
    .insertInto("memberships")
    .values({ user_id: user.id, region_id: regionId, role })
    .execute();
  const client = new TestClient(s.url);
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

async function organisation(name: string, sector: string) {
  const r = await createOrganisation(scope, { name, sector, website: "" });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value.id;
}

/** The text of a page without its markup, for assertions on what a reader sees. */
const visible = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

async function createChallenge(title: string) {
  const created = await organiser.post(`${base()}/new`, {
    title,
    whyUrgent: "Te weinig handen aan het bed.",
    guidingQuestion: "Hoe houden we genoeg zorgpersoneel?",
    status: "active",
    published: "on",
  });
  expect(created.status).toBe(302);
  const location = created.headers.get("Location")!;
  expect(location).toContain("?done=created");
  return location.split("?")[0]!;
}

describe("challenge pages", () => {
  it("lets an organiser build up a challenge, and shows it all on its page", async () => {
    const page = await createChallenge("Genoeg zorgpersoneel");
    const hospital = await organisation("Ziekenhuis Rijnstate", "company");
    const college = await organisation("ROC Rijn IJssel", "mbo");
    const event = await makeEvent(scope, "Werkplaats zorgpersoneel");

    for (const [organisationId, urgency, importance] of [
      [hospital, "5", "4"],
      [college, "4", "2"],
    ] as const) {
      const rated = await organiser.post(page, {
        _intent: "rate",
        organisationId,
        personId: "",
        urgency,
        importance,
        why: "Vacatures blijven open.",
      });
      expect(rated.status).toBe(302);
      expect(rated.headers.get("Location")).toContain("done=rated");
    }
    const moved = await organiser.post(page, {
      _intent: "changePhase",
      phase: "2",
      reason: "De urgentie is gedeeld door zorg en onderwijs.",
    });
    expect(moved.status).toBe(302);
    const linked = await organiser.post(page, { _intent: "link", kind: "event", event: event.id });
    expect(linked.headers.get("Location")).toContain("done=linked");
    const ambition = await organiser.post(page, {
      _intent: "ambition",
      now: "2",
      desired: "4",
      note: "Eerst het curriculum op orde.",
    });
    expect(ambition.headers.get("Location")).toContain("done=ambitionSet");

    const res = await organiser.get(page);
    expect(res.status).toBe(200);
    const text = visible(await res.text());
    expect(text).toContain("Genoeg zorgpersoneel");
    expect(text).toContain("Fase 2: Netwerk vormen");
    expect(text).toContain("De urgentie is gedeeld door zorg en onderwijs.");
    expect(text).toContain("Werkplaats zorgpersoneel");
    expect(text).toContain("Ziekenhuis Rijnstate");
    expect(text).toContain("ROC Rijn IJssel");
    // Urgency 5 and 4: agreed; importance 4 and 2: they differ.
    expect(text).toContain("Over de urgentie zijn de partijen het eens (van 4 tot 5).");
    expect(text).toContain("Over het belang verschillen de partijen (van 2 tot 4).");
    expect(text).toContain("Nu 2, gewenst 4, ingesteld door de coördinator");
    expect(text).toContain("Eerst het curriculum op orde.");
    expect(text).toContain(`/r/${region.slug}/challenges/genoeg-zorgpersoneel`);
    // Phase 2 asks for the whole helix: government and society are missing.
    expect(text).toContain(
      "Geen partner uit: overheid, maatschappelijke organisaties en bewoners.",
    );
    expect(text).toContain("Wie is de onafhankelijke kennismakelaar? Nog niemand.");

    const list = visible(await (await organiser.get(base())).text());
    expect(list).toContain("Genoeg zorgpersoneel");
    expect(list).toContain("Nieuwe opgave");
  });

  it("assigns roles, edits the continuation, unlinks, and deletes after confirmation", async () => {
    const page = await createChallenge("Leven lang ontwikkelen");
    const residents = await organisation("Bewonersplatform Oost", "residents");
    const event = await makeEvent(scope, "Buurtavond");
    await organiser.post(page, { _intent: "link", kind: "event", event: event.id });
    const broker = await organiser.post(page, {
      _intent: "assignRole",
      role: "knowledgeBroker",
      roleOther: "",
      roleOrganisationId: residents,
      rolePersonId: "",
      roleNote: "",
    });
    expect(broker.headers.get("Location")).toContain("done=roleAssigned");
    await organiser.post(page, {
      _intent: "assignRole",
      role: "",
      roleOther: "Buurtcoach",
      roleOrganisationId: residents,
    });
    const noParty = await organiser.post(page, {
      _intent: "assignRole",
      role: "funder",
      roleNote: "Wie betaalt?",
    });
    expect(noParty.status).toBe(400);
    const refused = await noParty.text();
    expect(refused).toContain("Kies een organisatie of een persoon.");
    expect(refused).toContain("Wie betaalt?");

    const edited = await organiser.post(`${page}/edit`, {
      title: "Leven lang ontwikkelen",
      status: "active",
      continuationFunding: "Provincie, 2027-2030",
      continuationStructure: "",
      continuationOwner: "",
    });
    expect(edited.headers.get("Location")).toContain("done=saved");
    const editForm = await (await organiser.get(`${page}/edit`)).text();
    expect(editForm).toContain("Provincie, 2027-2030");

    let text = visible(await (await organiser.get(page)).text());
    expect(text).toContain("Wie is de onafhankelijke kennismakelaar? Bewonersplatform Oost");
    expect(text).toContain("Is de rol van bewoners gelijkwaardig? Ja");
    expect(text).toContain("Buurtcoach");
    expect(text).toContain("Nog niet ingevuld: Initiatiefnemer");
    expect(text).not.toContain("Nog niet ingevuld: Kennismakelaar");
    // Published was not ticked on the edit form: the public address is gone.
    expect(text).toContain("Niet openbaar");

    const linkId = /name="linkId" value="([^"]+)"/.exec(
      await (await organiser.get(page)).text(),
    )![1]!;
    const unlinked = await organiser.post(page, { _intent: "unlink", linkId });
    expect(unlinked.headers.get("Location")).toContain("done=unlinked");
    text = visible(await (await organiser.get(page)).text());
    expect(text).toContain("Nog geen activiteiten gekoppeld.");

    const unconfirmed = await organiser.post(page, { _intent: "delete" });
    expect(unconfirmed.status).toBe(400);
    expect((await organiser.get(page)).status).toBe(200);
    const deleted = await organiser.post(page, { _intent: "delete", confirm: "on" });
    expect(deleted.headers.get("Location")).toBe(`${base()}?done=deleted`);
    expect((await organiser.get(page)).status).toBe(404);
  });

  it("shows the phase attention and the ambition that a linked dialogue session gave", async () => {
    const page = await createChallenge("Stages in de zorg");
    const { sessionId } = await makeSessionWithAnswers(scope, { title: "Kennissessie Arnhem" });
    const linked = await organiser.post(page, {
      _intent: "link",
      kind: "session",
      session: sessionId,
    });
    expect(linked.headers.get("Location")).toContain("done=linked");
    const text = visible(await (await organiser.get(page)).text());
    // The three answers gave the network 1 point on average: the least of the four phases.
    expect(text).toContain("Onderbelichte fase volgens de dialoog: Fase 2: Netwerk vormen.");
    expect(text).toContain("(3 antwoorden)");
    expect(text).toContain("Nu 2,3, gewenst 4,3, uit dialoogsessie (3 antwoorden)");
    expect(text).toContain("Kennissessie Arnhem");
  });

  it("lets a facilitator see a challenge but not change it", async () => {
    const page = await createChallenge("Wonen voor ouderen");
    const facilitator = await memberWith("facilitator");
    const res = await facilitator.get(page);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Wonen voor ouderen");
    expect(html).not.toContain('value="changePhase"');
    const post = await facilitator.post(page, {
      _intent: "changePhase",
      phase: "2",
      reason: "Ik mag dit niet.",
    });
    expect(post.status).toBe(403);
    expect((await facilitator.get(`${base()}/new`)).status).toBe(403);
  });

  it("answers an organiser of another region with not found, for the page and a post", async () => {
    const page = await createChallenge("Energie in de wijk");
    const other = await makeScope(s.db, "organiser");
    const stranger = new TestClient(s.url);
    await stranger.signIn(other.user.email, TEST_PASSWORD);
    // Their own region's address with this challenge's id: still not found.
    const id = page.split("/").pop()!;
    const theirs = `/manage/${other.region.slug}/challenges/${id}`;
    expect((await stranger.get(page)).status).toBe(404);
    expect((await stranger.get(theirs)).status).toBe(404);
    const post = await stranger.post(theirs, { _intent: "changePhase", phase: "3", reason: "x" });
    expect(post.status).toBe(404);
    expect(visible(await (await organiser.get(page)).text())).toContain("Fase 1: Urgente opgave");
  });

  it("refuses bad input with a Dutch message and keeps what was typed", async () => {
    const page = await createChallenge("Schone lucht");
    const noReason = await organiser.post(page, {
      _intent: "changePhase",
      phase: "3",
      reason: " ",
    });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Vul dit veld in.");

    // Without JavaScript the form posts to the address it was on, with the last success in it.
    const tooUrgent = await organiser.post(`${page}?done=rated`, {
      _intent: "rate",
      organisationId: await organisation("Gemeente Arnhem", "government"),
      urgency: "9",
      importance: "3",
      why: "Dit typte ik zelf.",
    });
    expect(tooUrgent.status).toBe(400);
    const html = await tooUrgent.text();
    expect(html).toContain("Kies een van de mogelijkheden.");
    expect(html).toContain("Dit typte ik zelf.");
    expect(html).not.toContain("De beoordeling is opgeslagen.");

    const long = "x".repeat(201);
    const oversize = await organiser.post(`${base()}/new`, {
      title: long,
      whyUrgent: "Mijn lange uitleg blijft staan.",
    });
    expect(oversize.status).toBe(400);
    const form = await oversize.text();
    expect(form).toContain("Gebruik hoogstens 200 tekens.");
    expect(form).toContain("Mijn lange uitleg blijft staan.");
    expect(form).toContain(long);

    const after = visible(await (await organiser.get(page)).text());
    expect(after).toContain("Fase 1: Urgente opgave");
    expect(after).toContain("Nog geen beoordelingen.");
  });

  it("lets an admin set the guard and the roles, with the defaults shown translated", async () => {
    const admin = await memberWith("admin");
    const settings = `${base()}/settings`;
    const page = await admin.get(settings);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Kennismakelaar");
    const bad = await admin.post(settings, {
      staleAfterWeeks: "0",
      phaseMaxMonths: "6",
      roles: "Kennismakelaar",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Kies een aantal weken van 1 tot en met 104.");
    const saved = await admin.post(settings, {
      staleAfterWeeks: "4",
      phaseMaxMonths: "9",
      roles: "Kennismakelaar\nWijkverpleegkundige",
    });
    expect(saved.headers.get("Location")).toContain("done=saved");
    const row = await s.db
      .selectFrom("regions")
      .select(["stale_after_weeks", "phase_max_months", "challenge_roles"])
      .where("id", "=", region.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      stale_after_weeks: 4,
      phase_max_months: 9,
      challenge_roles: ["knowledgeBroker", "Wijkverpleegkundige"],
    });
    expect((await organiser.get(settings)).status).toBe(403);

    // In English the same list reads in English, and an English default's name maps to its key.
    await admin.post("/language", { lang: "en", redirectTo: settings });
    const english = await (await admin.get(settings)).text();
    expect(english).toContain("Knowledge broker");
    expect(english).toContain("Wijkverpleegkundige");
    await admin.post(settings, {
      staleAfterWeeks: "4",
      phaseMaxMonths: "9",
      roles: "Knowledge broker\nFunder",
    });
    const roles = await s.db
      .selectFrom("regions")
      .select("challenge_roles")
      .where("id", "=", region.id)
      .executeTakeFirstOrThrow();
    expect(roles.challenge_roles).toEqual(["knowledgeBroker", "funder"]);
    const list = visible(await (await admin.get(base())).text());
    expect(list).toContain("Phase 1: Urgent challenge");
    expect(list).toContain("Set warnings and roles");
  });
});
