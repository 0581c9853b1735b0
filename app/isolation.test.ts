import { resolve } from "node:path";
import { parse } from "node-html-parser";
import type { ServerBuild } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, Role } from "../core/kernel/scope.ts";
import { assignRole } from "../core/challenges/assignRole.ts";
import { changePhase } from "../core/challenges/changePhase.ts";
import { deleteChallenge } from "../core/challenges/deleteChallenge.ts";
import { linkActivity } from "../core/challenges/linkActivity.ts";
import { challengesLinkedTo, getChallenge, listChallenges } from "../core/challenges/queries.ts";
import { rateChallenge } from "../core/challenges/rateChallenge.ts";
import { removeRating } from "../core/challenges/removeRating.ts";
import { removeRole } from "../core/challenges/removeRole.ts";
import { setAmbition } from "../core/challenges/setAmbition.ts";
import { unlinkActivity } from "../core/challenges/unlinkActivity.ts";
import { updateChallenge } from "../core/challenges/updateChallenge.ts";
import { learningRegionTemplate } from "../core/dialogue/templates/learningRegion.ts";
import { createEntry, setEntryStatus, setSharing } from "../core/knowledge/entries.ts";
import { visibleTo } from "../core/knowledge/visibility.ts";
import { TestClient } from "../test/client.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../test/fixtures.ts";
import { startTestServer, type TestServer } from "../test/server.ts";

/**
 * Walks every route of the built app as a member of region A against region B's slug and ids, and
 * replays every form on A's own pages with B's ids in place of A's: every answer must be a refusal
 * (404, or 405 where a route takes no posts), no answer may show B's data, and B's rows must be
 * exactly as before. New routes are covered by themselves: the list comes from the build.
 */

const SECRET = "GeheimVanRegioB";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Ids {
  slug: string;
  organisation: string;
  person: string;
  invitation: string;
  mail: string;
  user: string;
  dialogue: string;
  template: string;
  event: string;
  registration: string;
  harvest: string;
  theme: string;
  contribution: string;
  action: string;
  coalition: string;
  challenge: string;
  /** Rows of a challenge the detail page's forms name by id. */
  challengeLink: string;
  challengeRating: string;
  challengeRole: string;
  /** Not a uuid: a question of the dialogue session's template. */
  question: string;
  /** Not a uuid: the challenge's public address. */
  challengeSlug: string;
  /** A second person, tied to the first: the network needs two. */
  colleague: string;
  /** The declared tie between the two people (network_ties). */
  networkTie: string;
  /** Not an id: one of the network's files, for ".../network/export/:file". */
  file: string;
}

/** Every kind of object a region route can name in its path, one of each per region. */
const KINDS = [
  "organisation",
  "person",
  "invitation",
  "mail",
  "user",
  "dialogue",
  "template",
  "event",
  "registration",
  "harvest",
  "theme",
  "contribution",
  "action",
  "coalition",
  "challenge",
  "challengeLink",
  "challengeRating",
  "challengeRole",
  "question",
  "networkTie",
] as const satisfies readonly (keyof Ids)[];

/** Every file the network's downloads offer (app/routes/manage/network/export.ts). */
const NETWORK_FILES = [
  "network.gexf",
  "network.graphml",
  "parties.csv",
  "ties.csv",
  "network.svg",
] as const;

async function seedRegion(db: Db, role: Role, label: string): Promise<{ ids: Ids; email: string }> {
  const { region, user } = await makeScope(db, role, {});
  // Only region B's rows carry the marker that must never appear in an answer.
  const MARK = label === "B" ? SECRET : "ZichtbaarVoorA";
  await db
    .updateTable("regions")
    .set({ name: `${label} ${MARK}`, description: `${label} ${MARK}` })
    .where("id", "=", region.id)
    .execute();
  const organisation = await db
    .insertInto("organisations")
    .values({ region_id: region.id, name: `Org ${label} ${MARK}`, sector: "hbo" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const person = await db
    .insertInto("people")
    .values({
      region_id: region.id,
      organisation_id: organisation.id,
      name: `Persoon ${label} ${MARK}`,
      email: `persoon-${label.toLowerCase()}-${Date.now()}@example.org`,
      perspectives: ["work"],
      expertise: [MARK],
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const invitation = await db
    .insertInto("invitations")
    .values({
      region_id: region.id,
      email: `invited-${label.toLowerCase()}-${Date.now()}@example.org`,
      role: "member",
      token_hash: `hash-${label}-${Date.now()}`,
      expires_at: new Date(Date.now() + 86_400_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const mail = await db
    .insertInto("outbox")
    .values({
      region_id: region.id,
      to_address: `mail-${label.toLowerCase()}@example.org`,
      subject: `Onderwerp ${MARK}`,
      body_text: MARK,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const colleague = await makeUser(db, { name: `Collega ${label} ${MARK}` });
  await db
    .insertInto("memberships")
    .values({ user_id: colleague.id, region_id: region.id, role: "member" })
    .execute();
  const more = await seedLiveAndHarvest(db, region.id, MARK, label);
  const challenge = await seedChallenge(db, region.id, MARK, label, {
    organisation: organisation.id,
    person: person.id,
    event: more.event,
  });
  const network = await seedNetwork(db, region.id, MARK, label, {
    organisation: organisation.id,
    person: person.id,
    event: more.event,
  });
  return {
    ids: {
      slug: region.slug,
      organisation: organisation.id,
      person: person.id,
      invitation: invitation.id,
      mail: mail.id,
      user: colleague.id,
      ...more,
      ...challenge,
      ...network,
    },
    email: user.email,
  };
}

/** A dialogue session with an answer, a template, an event with a registration, a harvest. */
async function seedLiveAndHarvest(db: Db, regionId: string, MARK: string, label: string) {
  const content = JSON.stringify(learningRegionTemplate);
  const question = "ambitions-aim-group";
  const dialogue = await db
    .insertInto("dialogue_sessions")
    .values({
      region_id: regionId,
      title: `Sessie ${label} ${MARK}`,
      content,
      join_code: `${label}${Date.now().toString(36)}`.toUpperCase().slice(0, 8).padEnd(8, "X"),
      current_question_id: question,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const participant = await db
    .insertInto("dialogue_participants")
    .values({
      session_id: dialogue.id,
      device_token_hash: `device-${label}-${Date.now()}`,
      display_name: `Deelnemer ${MARK}`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("dialogue_answers")
    .values({
      session_id: dialogue.id,
      question_id: question,
      participant_id: participant.id,
      value: JSON.stringify(`Antwoord ${MARK}`),
      idempotency_key: `k-${label}`,
    })
    .execute();
  const template = await db
    .insertInto("dialogue_templates")
    .values({ region_id: regionId, title: `Sjabloon ${label} ${MARK}`, content })
    .returning("id")
    .executeTakeFirstOrThrow();
  const starts = new Date(Date.now() + 7 * 86_400_000);
  const event = await db
    .insertInto("events")
    .values({
      region_id: regionId,
      slug: `bijeenkomst-${label.toLowerCase()}`,
      kind: "workshop",
      title: `Bijeenkomst ${label} ${MARK}`,
      mode: "on_site",
      address: MARK,
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 3_600_000),
      status: "published",
      capacity: 10,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const registration = await db
    .insertInto("registrations")
    .values({
      event_id: event.id,
      region_id: regionId,
      email: `aanmelding-${label.toLowerCase()}@example.org`,
      name: `Aangemeld ${MARK}`,
      status: "confirmed",
      consent_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const harvest = await db
    .insertInto("harvests")
    .values({ region_id: regionId, slug: `oogst-${label.toLowerCase()}`, title: `Oogst ${MARK}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const theme = await db
    .insertInto("harvest_themes")
    .values({ harvest_id: harvest.id, label: `Thema ${MARK}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const contribution = await db
    .insertInto("contributions")
    .values({
      harvest_id: harvest.id,
      region_id: regionId,
      text: `Bijdrage ${MARK}`,
      origin: "manual",
      theme_id: theme.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const action = await db
    .insertInto("actions")
    .values({ region_id: regionId, harvest_id: harvest.id, title: `Actie ${MARK}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const coalition = await db
    .insertInto("coalitions")
    .values({ region_id: regionId, title: `Coalitie ${MARK}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    dialogue: dialogue.id,
    template: template.id,
    event: event.id,
    registration: registration.id,
    harvest: harvest.id,
    theme: theme.id,
    contribution: contribution.id,
    action: action.id,
    coalition: coalition.id,
    question,
  };
}

/**
 * A published challenge in phase 2 with its history, a link to the region's event, an
 * organisation's rating, a person's role and an ambition: one row of every table of the spine.
 */
async function seedChallenge(
  db: Db,
  regionId: string,
  MARK: string,
  label: string,
  ids: { organisation: string; person: string; event: string },
) {
  const slug = `opgave-${label.toLowerCase()}-${Date.now().toString(36)}`;
  const challenge = await db
    .insertInto("challenges")
    .values({
      region_id: regionId,
      slug,
      title: `Opgave ${label} ${MARK}`,
      why_urgent: MARK,
      guiding_question: `Vraag ${MARK}`,
      published: true,
      phase: 2,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("challenge_phase_changes")
    .values([
      { challenge_id: challenge.id, from_phase: null, to_phase: 1 },
      { challenge_id: challenge.id, from_phase: 1, to_phase: 2, reason: `Reden ${MARK}` },
    ])
    .execute();
  const link = await db
    .insertInto("challenge_links")
    .values({ challenge_id: challenge.id, event_id: ids.event, phase: 2 })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rating = await db
    .insertInto("challenge_ratings")
    .values({
      challenge_id: challenge.id,
      organisation_id: ids.organisation,
      sector: "hbo",
      urgency: 4,
      importance: 5,
      why: `Waarom ${MARK}`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const role = await db
    .insertInto("challenge_roles")
    .values({
      challenge_id: challenge.id,
      role: "bridgeBuilder",
      person_id: ids.person,
      note: `Rol ${MARK}`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("challenge_ambitions")
    .values({ challenge_id: challenge.id, now_level: 2, desired_level: 4, note: MARK })
    .execute();
  return {
    challenge: challenge.id,
    challengeLink: link.id,
    challengeRating: rating.id,
    challengeRole: role.id,
    challengeSlug: slug,
  };
}

/**
 * A network: the person and a colleague both checked in at the region's event (linked to the
 * challenge, so the challenge's network has them too), and a tie recorded between them. Region
 * B's network then names two people carrying the marker, in its pages, map and every file.
 */
async function seedNetwork(
  db: Db,
  regionId: string,
  MARK: string,
  label: string,
  ids: { organisation: string; person: string; event: string },
) {
  const colleague = await db
    .insertInto("people")
    .values({
      region_id: regionId,
      organisation_id: ids.organisation,
      name: `Netwerkcollega ${label} ${MARK}`,
      email: `netwerkcollega-${label.toLowerCase()}-${Date.now()}@example.org`,
      perspectives: ["research"],
    })
    .returning(["id", "email"])
    .executeTakeFirstOrThrow();
  const person = await db
    .selectFrom("people")
    .select(["id", "email", "name"])
    .where("id", "=", ids.person)
    .executeTakeFirstOrThrow();
  for (const p of [person, { ...colleague, name: `Netwerkcollega ${label}` }])
    await db
      .insertInto("registrations")
      .values({
        event_id: ids.event,
        region_id: regionId,
        email: p.email!,
        name: p.name,
        status: "confirmed",
        consent_at: new Date(),
        checked_in_at: new Date(),
      })
      .execute();
  // Stored with the smaller id first, as recordTie stores it (the table's check).
  const [a, b] = [person.id, colleague.id].sort();
  const tie = await db
    .insertInto("network_ties")
    .values({ region_id: regionId, person_a: a!, person_b: b!, kind: "works_with", note: MARK })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { colleague: colleague.id, networkTie: tie.id, file: NETWORK_FILES[0] };
}

async function snapshot(db: Db, slug: string) {
  const region = await db
    .selectFrom("regions")
    .selectAll()
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  const id = region.id;
  return JSON.stringify({
    region,
    organisations: await db
      .selectFrom("organisations")
      .selectAll()
      .where("region_id", "=", id)
      .orderBy("id")
      .execute(),
    people: await db
      .selectFrom("people")
      .selectAll()
      .where("region_id", "=", id)
      .orderBy("id")
      .execute(),
    memberships: await db
      .selectFrom("memberships")
      .selectAll()
      .where("region_id", "=", id)
      .orderBy("user_id")
      .execute(),
    invitations: await db
      .selectFrom("invitations")
      .selectAll()
      .where("region_id", "=", id)
      .orderBy("id")
      .execute(),
    outbox: await db
      .selectFrom("outbox")
      .select(["id", "to_address", "subject", "sent_at"])
      .where("region_id", "=", id)
      .orderBy("id")
      .execute(),
    dialogue: await db
      .selectFrom("dialogue_sessions as d")
      .leftJoin("dialogue_answers as a", "a.session_id", "d.id")
      .select(["d.id", "d.title", "d.status", "d.version", "a.value", "a.hidden", "a.theme_label"])
      .where("d.region_id", "=", id)
      .orderBy("d.id")
      .execute(),
    templates: await db
      .selectFrom("dialogue_templates")
      .select(["id", "title", "content"])
      .where("region_id", "=", id)
      .orderBy("id")
      .execute(),
    events: await db
      .selectFrom("events")
      .selectAll()
      .where("region_id", "=", id)
      .orderBy("id")
      .execute(),
    registrations: await db
      .selectFrom("registrations")
      .selectAll()
      .where("region_id", "=", id)
      .orderBy("id")
      .execute(),
    harvests: await db
      .selectFrom("harvests")
      .selectAll()
      .where("region_id", "=", id)
      .orderBy("id")
      .execute(),
    contributions: await db
      .selectFrom("contributions")
      .selectAll()
      .where("region_id", "=", id)
      .orderBy("id")
      .execute(),
    actions: await db
      .selectFrom("actions")
      .selectAll()
      .where("region_id", "=", id)
      .orderBy("id")
      .execute(),
    coalitions: await db
      .selectFrom("coalitions")
      .selectAll()
      .where("region_id", "=", id)
      .orderBy("id")
      .execute(),
    challenges: await db
      .selectFrom("challenges")
      .selectAll()
      .where("region_id", "=", id)
      .orderBy("id")
      .execute(),
    networkTies: await db
      .selectFrom("network_ties")
      .selectAll()
      .where("region_id", "=", id)
      .orderBy("id")
      .execute(),
    ...Object.fromEntries(
      await Promise.all(
        (
          [
            "challenge_phase_changes",
            "challenge_links",
            "challenge_ratings",
            "challenge_roles",
            "challenge_ambitions",
          ] as const
        ).map(
          async (table) =>
            [
              table,
              await db
                .selectFrom(table)
                .selectAll()
                .where("challenge_id", "in", (eb) =>
                  eb.selectFrom("challenges").select("id").where("region_id", "=", id),
                )
                .orderBy("id")
                .execute(),
            ] as const,
        ),
      ),
    ),
  });
}

/** Full paths of the build's routes, e.g. "/manage/:slug/people/:id". */
async function routePaths(): Promise<string[]> {
  const buildDir = resolve(process.env.BUILD_DIR ?? "build");
  const build = (await import(`${buildDir}/server/index.js`)) as ServerBuild;
  const full = (id: string | undefined): string => {
    if (!id) return "";
    const r = build.routes[id]!;
    const parent = full(r.parentId);
    return r.path ? `${parent.replace(/\/$/, "")}/${r.path}` : parent;
  };
  return [...new Set(Object.keys(build.routes).map((id) => full(id) || "/"))];
}

/** Which kind of id follows a path segment, e.g. ".../events/:id" takes an event's id. */
const ownKind: Record<string, keyof Ids> = {
  organisations: "organisation",
  people: "person",
  invitations: "invitation",
  outbox: "mail",
  members: "user",
  dialogue: "dialogue",
  templates: "template",
  answers: "question",
  events: "event",
  registrations: "registration",
  harvest: "harvest",
  themes: "theme",
  contributions: "contribution",
  trace: "contribution",
  actions: "action",
  coalitions: "coalition",
  challenges: "challenge",
  export: "file",
};

function fill(path: string, ids: Ids, other: Ids | null): string[] {
  const withSlug = path.replace(":slug", ids.slug);
  const params = [...withSlug.matchAll(/:([A-Za-z]+)\??/g)];
  if (params.length === 0) return [withSlug];
  if (other) {
    return KINDS.map((k) => withSlug.replace(/:[A-Za-z]+\??/g, other[k]));
  }
  return [
    withSlug.replace(
      /(\w+)\/:[A-Za-z]+\??/g,
      (_m, segment: string) => `${segment}/${ids[ownKind[segment] ?? "person"]}`,
    ),
  ];
}

for (const role of ["organiser", "admin"] as const) {
  describe(`isolation, as ${role} of region A`, () => {
    let s: TestServer;
    let a: { ids: Ids; email: string };
    let b: { ids: Ids; email: string };
    let client: TestClient;
    let paths: string[];
    let before: string;
    let aRegionId: string;
    let aUserId: string;

    beforeAll(async () => {
      s = await startTestServer();
      a = await seedRegion(s.db, role, "A");
      const aRegion = await s.db
        .selectFrom("regions")
        .select("id")
        .where("slug", "=", a.ids.slug)
        .executeTakeFirstOrThrow();
      aRegionId = aRegion.id;
      aUserId = (
        await s.db
          .selectFrom("users")
          .select("id")
          .where("email", "=", a.email)
          .executeTakeFirstOrThrow()
      ).id;
      b = await seedRegion(s.db, "admin", "B");
      client = new TestClient(s.url);
      await client.signIn(a.email, TEST_PASSWORD);
      paths = (await routePaths()).filter((p) => p.startsWith("/manage/"));
      before = await snapshot(s.db, b.ids.slug);
    });
    afterAll(async () => {
      await s.close();
    });

    it("finds region routes to walk, and A's own pages answer", async () => {
      expect(paths.length).toBeGreaterThan(0);
      const overview = await client.get(`/manage/${a.ids.slug}`);
      expect(overview.status).toBe(200);
    });

    it("answers 404 to every GET and POST on region B's slug", async () => {
      for (const path of paths) {
        for (const url of fill(path.replace(":slug", b.ids.slug), b.ids, b.ids)) {
          const got = await client.get(url);
          const body = await got.text();
          expect.soft(got.status, `GET ${path}`).toBe(404);
          expect.soft(body, `GET ${path}`).not.toContain(SECRET);
          const posted = await client.post(url, { _intent: "delete", name: "x" });
          expect.soft([404, 405], `POST ${path}`).toContain(posted.status);
          expect.soft(await posted.text(), `POST ${path}`).not.toContain(SECRET);
        }
      }
      expect(await snapshot(s.db, b.ids.slug)).toBe(before);
    });

    it("answers 404 to A's slug with B's object ids", async () => {
      for (const path of paths.filter((p) => /:[A-Za-z]+/.test(p.replace(":slug", "")))) {
        for (const url of fill(path.replace(":slug", a.ids.slug), a.ids, b.ids)) {
          const got = await client.get(url);
          expect.soft([404, 405], `GET ${url}`).toContain(got.status);
          expect.soft(await got.text(), `GET ${path}`).not.toContain(SECRET);
          const posted = await client.post(url, { _intent: "delete", name: "x" });
          expect.soft([404, 405], `POST ${path}`).toContain(posted.status);
          expect.soft(await posted.text(), `POST ${path}`).not.toContain(SECRET);
        }
      }
      expect(await snapshot(s.db, b.ids.slug)).toBe(before);
    });

    it("never shows B's challenge on A's pages, nor on A's or B's public pages under A's address", async () => {
      for (const path of paths) {
        for (const url of fill(path, a.ids, null)) {
          const page = await client.get(url);
          expect.soft(await page.text(), `GET ${url}`).not.toContain(SECRET);
        }
      }
      const anonymous = new TestClient(s.url);
      for (const url of [
        `/r/${a.ids.slug}`,
        `/r/${a.ids.slug}/challenges`,
        `/r/${a.ids.slug}/challenges/${a.ids.challengeSlug}`,
      ]) {
        const got = await anonymous.get(url);
        expect.soft(got.status, url).toBe(200);
        expect.soft(await anonymous.get(url).then((r) => r.text()), url).toContain("Opgave A");
        expect.soft(await got.text(), url).not.toContain(SECRET);
      }
      const crossed = await anonymous.get(`/r/${a.ids.slug}/challenges/${b.ids.challengeSlug}`);
      expect(crossed.status).toBe(404);
      expect(await crossed.text()).not.toContain(SECRET);
    });

    it("refuses every challenge intent on B's challenge, and B's parties and activities on A's", async () => {
      const scope = { db: s.db, regionId: aRegionId, userId: aUserId, role };
      const onB = [
        () => changePhase(scope, b.ids.challenge, { phase: "3", reason: "x" }),
        () => updateChallenge(scope, b.ids.challenge, { title: "x" }),
        () => linkActivity(scope, b.ids.challenge, { kind: "action", id: a.ids.action }),
        () => unlinkActivity(scope, b.ids.challenge, b.ids.challengeLink),
        () =>
          rateChallenge(scope, b.ids.challenge, {
            organisationId: a.ids.organisation,
            urgency: "1",
            importance: "1",
          }),
        () => removeRating(scope, b.ids.challenge, b.ids.challengeRating),
        () => setAmbition(scope, b.ids.challenge, { now: "1", desired: "1" }),
        () =>
          assignRole(scope, b.ids.challenge, {
            role: "funder",
            organisationId: a.ids.organisation,
          }),
        () => removeRole(scope, b.ids.challenge, b.ids.challengeRole),
        () => deleteChallenge(scope, b.ids.challenge, { confirmed: true }),
        // A's own challenge, with B's rows in place of its own.
        () => unlinkActivity(scope, a.ids.challenge, b.ids.challengeLink),
        () => removeRating(scope, a.ids.challenge, b.ids.challengeRating),
        () => removeRole(scope, a.ids.challenge, b.ids.challengeRole),
        () =>
          rateChallenge(scope, a.ids.challenge, {
            organisationId: b.ids.organisation,
            urgency: "1",
            importance: "1",
          }),
        () => assignRole(scope, a.ids.challenge, { role: "funder", personId: b.ids.person }),
        ...(["event", "session", "harvest", "action", "coalition"] as const).map(
          (kind) => () =>
            linkActivity(scope, a.ids.challenge, {
              kind,
              id: b.ids[kind === "session" ? "dialogue" : kind],
            }),
        ),
      ];
      for (const [i, attempt] of onB.entries())
        expect.soft(await attempt(), `attempt ${i}`).toMatchObject({ ok: false, kind: "notFound" });
      expect(await getChallenge(scope, b.ids.challenge)).toBeUndefined();
      expect(await challengesLinkedTo(scope, "event", b.ids.event)).toEqual([]);
      expect((await listChallenges(scope)).map((c) => c.id)).toEqual([a.ids.challenge]);
      expect(await snapshot(s.db, b.ids.slug)).toBe(before);
    });

    it("shows nothing of B's network: its pages, a person's position, map.json and every file", async () => {
      const files = NETWORK_FILES.map((f) => `network/export/${f}`);
      const onB = [
        "network",
        `network?focus=p:${b.ids.person}`,
        `challenges/${b.ids.challenge}/network`,
        `people/${b.ids.person}/network`,
        `people/${b.ids.colleague}/network`,
        "my-network",
        "network/map.json",
        `network/map.json?challenge=${b.ids.challenge}`,
        ...files,
        ...files.map((f) => `${f}?challenge=${b.ids.challenge}&level=organisations`),
      ].map((path) => `/manage/${b.ids.slug}/${path}`);
      // A's own address with B's challenge or people in it.
      const crossed = [
        `challenges/${b.ids.challenge}/network`,
        `people/${b.ids.person}/network`,
        `people/${b.ids.colleague}/network`,
        `network/map.json?challenge=${b.ids.challenge}`,
        ...files.map((f) => `${f}?challenge=${b.ids.challenge}`),
      ].map((path) => `/manage/${a.ids.slug}/${path}`);
      for (const url of [...onB, ...crossed]) {
        const got = await client.get(url);
        expect.soft(got.status, `GET ${url}`).toBe(404);
        expect.soft(await got.text(), `GET ${url}`).not.toContain(SECRET);
      }
      // A's own network, in every form, names A's two people and none of B's: the refusals above
      // are not those of an empty network. B's person as the focus is ignored, not shown.
      for (const path of [
        "network",
        `network?focus=p:${b.ids.person}`,
        "network?level=organisations",
        `challenges/${a.ids.challenge}/network`,
        `people/${a.ids.person}/network`,
        "network/map.json",
        ...files,
        ...files.map((f) => `${f}?challenge=${a.ids.challenge}`),
      ]) {
        const got = await client.get(`/manage/${a.ids.slug}/${path}`);
        expect.soft(got.status, path).toBe(200);
        const body = await got.text();
        if (!path.includes("level=organisations"))
          expect.soft(body, path).toContain(`Netwerkcollega A`);
        expect.soft(body, path).not.toContain(SECRET);
      }
    });

    it("records and removes no tie on B's people, nor between A's people and B's", async () => {
      const record = (other: string) => ({ _intent: "recordTie", other, kind: "works_with" });
      const remove = { _intent: "removeTie", tieId: b.ids.networkTie };
      const attempts: [string, Record<string, string>][] = [
        [`/manage/${b.ids.slug}/people/${b.ids.person}/network`, record(b.ids.colleague)],
        [`/manage/${b.ids.slug}/people/${b.ids.person}/network`, remove],
        [`/manage/${b.ids.slug}/my-network`, record(b.ids.colleague)],
        [`/manage/${b.ids.slug}/my-network`, remove],
        [`/manage/${a.ids.slug}/people/${b.ids.person}/network`, record(b.ids.colleague)],
        [`/manage/${a.ids.slug}/people/${b.ids.person}/network`, record(a.ids.person)],
        [`/manage/${a.ids.slug}/people/${b.ids.person}/network`, remove],
        [`/manage/${a.ids.slug}/people/${a.ids.person}/network`, record(b.ids.person)],
        [`/manage/${a.ids.slug}/people/${a.ids.person}/network`, remove],
        [`/manage/${a.ids.slug}/my-network`, record(b.ids.person)],
        [`/manage/${a.ids.slug}/my-network`, remove],
      ];
      for (const [url, body] of attempts) {
        const res = await client.post(url, body);
        expect.soft(res.status, `POST ${url} ${body._intent}`).toBe(404);
        expect.soft(await res.text(), `POST ${url}`).not.toContain(SECRET);
      }
      expect(await snapshot(s.db, b.ids.slug)).toBe(before);
      // Nor did a tie of A's region come to name one of B's people.
      const bPeople = [b.ids.person, b.ids.colleague];
      const crossing = await s.db
        .selectFrom("network_ties")
        .select("id")
        .where((eb) => eb.or([eb("person_a", "in", bPeople), eb("person_b", "in", bPeople)]))
        .where("region_id", "=", aRegionId)
        .execute();
      expect(crossing).toEqual([]);
    });

    it("replays every form on A's pages with B's ids and changes nothing of B", async () => {
      const bIds = KINDS.filter((k) => k !== "question").map((k) => b.ids[k]);
      let forms = 0;
      // Forms of the same shape (the console's "go to question" buttons, say) are replayed once.
      const seen = new Set<string>();
      for (const path of paths) {
        for (const url of fill(path, a.ids, null)) {
          const page = await client.get(url);
          if (
            !(page.headers.get("Content-Type") ?? "").includes("text/html") ||
            page.status !== 200
          )
            continue;
          const html = await page.text();
          for (const form of parse(html).querySelectorAll('form[method="post"]')) {
            const action = form.getAttribute("action") || url;
            if (action === "/logout" || action === "/language") continue;
            const fields: Record<string, string> = {};
            for (const input of form.querySelectorAll("input, textarea, select")) {
              const name = input.getAttribute("name");
              if (!name || name === "_csrf" || input.getAttribute("type") === "file") continue;
              const option =
                input.tagName === "SELECT"
                  ? input
                      .querySelectorAll("option")
                      .find((o) => UUID.test(o.getAttribute("value") ?? ""))
                  : null;
              fields[name] =
                option?.getAttribute("value") ?? input.getAttribute("value") ?? input.text ?? "";
            }
            const idFields = Object.keys(fields).filter(
              (k) => UUID.test(fields[k]!) || /id$/i.test(k),
            );
            const buttons = form.querySelectorAll("button[name]");
            const intents = buttons.length
              ? buttons.map(
                  (btn) => [btn.getAttribute("name")!, btn.getAttribute("value") ?? ""] as const,
                )
              : [null];
            for (const intentPair of intents) {
              const shape = `${action}|${Object.keys(fields).sort().join(",")}|${intentPair?.join("=") ?? ""}`;
              if (seen.has(shape)) continue;
              seen.add(shape);
              for (const foreign of bIds) {
                const body: Record<string, string> = { ...fields };
                for (const k of idFields) body[k] = foreign;
                if (intentPair) body[intentPair[0]] = intentPair[1];
                const res = await client.post(action, body);
                forms++;
                expect.soft(res.status, `POST ${action}`).toBeLessThan(500);
                expect.soft(await res.text(), `POST ${action}`).not.toContain(SECRET);
              }
            }
          }
        }
      }
      expect(forms).toBeGreaterThan(0);
      expect(await snapshot(s.db, b.ids.slug)).toBe(before);
      // Every form of every page, once per foreign id: a challenge's page alone has a dozen.
    }, 180_000);
  });
}

/**
 * The network names people and their positions: a member of the region (not a coordinator) sees
 * none of it, only their own position, found by their verified account address.
 */
describe("isolation of the network, as a member of region A", () => {
  let s: TestServer;
  let a: { ids: Ids; email: string };
  let b: { ids: Ids; email: string };
  let member: TestClient;
  let paths: string[];
  let before: string;
  let stranger: { person: string; tie: string };
  const THIRD = "Derde persoon A";

  const tiesOfA = async () =>
    JSON.stringify(
      await s.db
        .selectFrom("network_ties")
        .selectAll()
        .where("region_id", "in", (eb) =>
          eb.selectFrom("regions").select("id").where("slug", "=", a.ids.slug),
        )
        .orderBy("id")
        .execute(),
    );

  beforeAll(async () => {
    s = await startTestServer();
    a = await seedRegion(s.db, "member", "A");
    b = await seedRegion(s.db, "admin", "B");
    // The member is the register's first person (their account's address), tied to the colleague.
    await s.db
      .updateTable("people")
      .set({ email: a.email })
      .where("id", "=", a.ids.person)
      .execute();
    // A third person, tied to the colleague only: in A's network, but nobody the member knows.
    const person = await s.db
      .selectFrom("people")
      .select("region_id")
      .where("id", "=", a.ids.person)
      .executeTakeFirstOrThrow();
    const third = await s.db
      .insertInto("people")
      .values({
        region_id: person.region_id,
        name: THIRD,
        email: `derde-${Date.now()}@example.org`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const [x, y] = [third.id, a.ids.colleague].sort();
    const tie = await s.db
      .insertInto("network_ties")
      .values({ region_id: person.region_id, person_a: x!, person_b: y!, kind: "advises" })
      .returning("id")
      .executeTakeFirstOrThrow();
    stranger = { person: third.id, tie: tie.id };
    member = new TestClient(s.url);
    await member.signIn(a.email, TEST_PASSWORD);
    paths = (await routePaths()).filter((p) => p.startsWith("/manage/") && /network/.test(p));
    before = await snapshot(s.db, b.ids.slug);
  });
  afterAll(async () => {
    await s.close();
  });

  it("refuses a member every network page, map.json and file of their own region (403)", async () => {
    expect(paths).toContain("/manage/:slug/my-network");
    const urls = [
      ...paths.filter((p) => !p.endsWith("/my-network")).flatMap((path) => fill(path, a.ids, null)),
      ...NETWORK_FILES.map((f) => `/manage/${a.ids.slug}/network/export/${f}`),
      `/manage/${a.ids.slug}/network/map.json?challenge=${a.ids.challenge}`,
      `/manage/${a.ids.slug}/people/${stranger.person}/network`,
    ];
    for (const url of urls) {
      const got = await member.get(url);
      expect.soft(got.status, `GET ${url}`).toBe(403);
      const body = await got.text();
      expect.soft(body, `GET ${url}`).not.toContain(THIRD);
      expect.soft(body, `GET ${url}`).not.toContain("Netwerkcollega A");
    }
    // Nor may a member record or remove ties from a person's page, their own person's included.
    for (const person of [a.ids.person, a.ids.colleague]) {
      const url = `/manage/${a.ids.slug}/people/${person}/network`;
      for (const body of [
        { _intent: "recordTie", other: stranger.person, kind: "works_with" },
        { _intent: "removeTie", tieId: stranger.tie },
        { _intent: "removeTie", tieId: a.ids.networkTie },
      ] as Record<string, string>[]) {
        const res = await member.post(url, body);
        expect.soft(res.status, `POST ${url} ${body._intent}`).toBe(403);
      }
    }
  });

  it("shows a member their own position on my-network and nobody else's", async () => {
    const got = await member.get(`/manage/${a.ids.slug}/my-network`);
    expect(got.status).toBe(200);
    const body = await got.text();
    expect(body).toContain("Mijn netwerkpositie");
    // Their own figures (a place among the bridge builders) and their one contact.
    expect(body).toMatch(/Plaats \d+ van 3 als bruggenbouwer/);
    expect(body).toContain("Netwerkcollega A");
    // Not the network: nobody they have no tie with, no tables of parties or bridge builders.
    // (The form to record a tie lists the register's people to choose from; that is not a
    // position, so only the position and the declared ties are read here.)
    const html = parse(body);
    const position = body.slice(0, body.indexOf('id="declared"'));
    expect(position).toContain("Plaats");
    expect(position).not.toContain(THIRD);
    const declared = html.querySelectorAll("#declared table tbody th").map((th) => th.text.trim());
    expect(declared).toEqual(["Netwerkcollega A ZichtbaarVoorA"]);
    expect(body).not.toContain("Bruggenbouwers, gerangschikt");
    expect(body).not.toContain("Partijen met hun maten");
    expect(body).not.toContain(SECRET);
    // Another region's "my network" is not found, whoever the member is there.
    for (const path of paths) {
      for (const url of fill(path.replace(":slug", b.ids.slug), b.ids, b.ids)) {
        const other = await member.get(url);
        expect.soft(other.status, `GET ${url}`).toBe(404);
        expect.soft(await other.text(), `GET ${url}`).not.toContain(SECRET);
      }
    }
  });

  it("lets a member remove only their own ties and tie themselves to no one of region B", async () => {
    const mine = `/manage/${a.ids.slug}/my-network`;
    const ties = await tiesOfA();
    for (const body of [
      // The colleague's tie with the third person is not the member's to remove.
      { _intent: "removeTie", tieId: stranger.tie },
      { _intent: "removeTie", tieId: b.ids.networkTie },
      { _intent: "recordTie", other: b.ids.person, kind: "works_with" },
      { _intent: "recordTie", other: b.ids.colleague, kind: "works_with" },
    ] as Record<string, string>[]) {
      const res = await member.post(mine, body);
      expect.soft(res.status, `POST ${body._intent}`).toBe(404);
      expect.soft(await res.text(), `POST ${body._intent}`).not.toContain(SECRET);
      const there = await member.post(`/manage/${b.ids.slug}/my-network`, body);
      expect.soft(there.status, `POST on B ${body._intent}`).toBe(404);
    }
    expect(await tiesOfA()).toBe(ties);
    expect(await snapshot(s.db, b.ids.slug)).toBe(before);
  });

  it("opens nobody's position to an account whose address is not verified", async () => {
    // Someone invited under the third person's address, who never proved it is theirs.
    const third = await s.db
      .selectFrom("people")
      .select(["email", "region_id"])
      .where("id", "=", stranger.person)
      .executeTakeFirstOrThrow();
    const user = await makeUser(s.db, { email: third.email!, verified: false });
    await s.db
      .insertInto("memberships")
      .values({ user_id: user.id, region_id: third.region_id, role: "member" })
      .execute();
    const client = new TestClient(s.url);
    await client.signIn(user.email, TEST_PASSWORD);
    const got = await client.get(`/manage/${a.ids.slug}/my-network`);
    expect(got.status).toBe(200);
    const body = await got.text();
    expect(body).toContain("Er staat geen persoon met jouw e-mailadres");
    expect(body).not.toContain("Netwerkcollega A");
    const res = await client.post(`/manage/${a.ids.slug}/my-network`, {
      _intent: "removeTie",
      tieId: stranger.tie,
    });
    expect(res.status).toBe(404);
    expect(
      await s.db.selectFrom("network_ties").select("id").where("id", "=", stranger.tie).execute(),
    ).toHaveLength(1);
  });
});

describe("isolation of the knowledge base between regions", () => {
  let s: TestServer;
  let a: Awaited<ReturnType<typeof makeScope>>;
  let b: Awaited<ReturnType<typeof makeScope>>;
  let clientB: TestClient;
  let privateEntry: { id: string; slug: string };
  let sharedEntry: { id: string; slug: string };
  let publicEntry: { id: string; slug: string };
  const PRIVATE = "KennisAlleenVoorA";
  const SHARED = "KennisGedeeldMetB";
  const PUBLIC = "KennisVoorIedereen";

  const entry = async (title: string, visibility: "region" | "shared" | "public") => {
    const made = await createEntry(a.scope, {
      kind: "lesson",
      title,
      summary: `${title} samenvatting`,
    });
    if (!made.ok) throw new Error(JSON.stringify(made));
    const sharing = await setSharing(a.scope, made.value.id, {
      visibility,
      regionIds: visibility === "shared" ? [b.region.id] : [],
    });
    if (!sharing.ok) throw new Error(JSON.stringify(sharing));
    await setEntryStatus(a.scope, made.value.id, "published");
    return made.value;
  };
  const rowOf = (id: string) =>
    s.db.selectFrom("knowledge_entries").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    s = await startTestServer();
    a = await makeScope(s.db, "organiser");
    b = await makeScope(s.db, "organiser");
    privateEntry = await entry(PRIVATE, "region");
    sharedEntry = await entry(SHARED, "shared");
    publicEntry = await entry(PUBLIC, "public");
    clientB = new TestClient(s.url);
    await clientB.signIn(b.user.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await s.close();
  });

  it("keeps an entry that is not shared invisible to another region: pages, search, exports", async () => {
    const base = `/manage/${b.region.slug}/knowledge`;
    for (const path of [
      `${base}/${privateEntry.id}`,
      `${base}/${privateEntry.id}/edit`,
      `${base}/${privateEntry.id}/adopt`,
      `/manage/${a.region.slug}/knowledge/${privateEntry.id}`,
    ])
      expect((await clientB.get(path)).status, path).toBe(404);
    const visible = await s.db
      .selectFrom("knowledge_entries")
      .select("title")
      .where(visibleTo(b.region.id))
      .where("region_id", "=", a.region.id)
      .execute();
    expect(visible.map((r) => r.title).sort()).toEqual([PUBLIC, SHARED].sort());
    for (const file of ["export.csv", "export.json"]) {
      const res = await clientB.get(`${base}/${file}`);
      expect(res.status).toBe(200);
      const text = await res.text();
      // A region exports what it wrote, not even what others share with it.
      for (const title of [PRIVATE, SHARED, PUBLIC]) expect(text).not.toContain(title);
    }
    // The organiser's search (KB-B's index page) filters through the same visibleTo.
    const search = await clientB.get(`${base}?q=${PRIVATE}`);
    // (The search box shows what was typed: the entry's link is what must be missing.)
    expect(search.status).toBe(200);
    const found = await search.text();
    expect(found).not.toContain(privateEntry.id);
  });

  it("shows the public only published public entries: page, feed", async () => {
    const anonymous = new TestClient(s.url);
    for (const e of [privateEntry, sharedEntry])
      expect((await anonymous.get(`/r/${a.region.slug}/knowledge/${e.slug}`)).status).toBe(404);
    const page = await anonymous.get(`/r/${a.region.slug}/knowledge/${publicEntry.slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(PUBLIC);
    expect(html).toContain('"@type":["CreativeWork","LearningResource"]');
    const feed = await anonymous.get(`/r/${a.region.slug}/knowledge.atom`);
    expect(feed.headers.get("Content-Type")).toContain("application/atom+xml");
    const xml = await feed.text();
    expect(xml).toContain(PUBLIC);
    expect(xml).not.toContain(PRIVATE);
    expect(xml).not.toContain(SHARED);
    // An entry of A is not reachable under B's address either.
    expect((await anonymous.get(`/r/${b.region.slug}/knowledge/${publicEntry.slug}`)).status).toBe(
      404,
    );
  });

  it("lets a region read an entry shared with it, and change nothing of it", async () => {
    const page = `/manage/${b.region.slug}/knowledge/${sharedEntry.id}`;
    const res = await clientB.get(page);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(SHARED);
    expect(html).not.toContain(`/knowledge/${sharedEntry.id}/edit`);
    expect(html).toContain(`/knowledge/${sharedEntry.id}/adopt`);
    const before = JSON.stringify(await rowOf(sharedEntry.id));
    expect((await clientB.get(`${page}/edit`)).status).toBe(404);
    const refused: Record<string, string>[] = [
      { _intent: "unpublish" },
      { _intent: "share", visibility: "public" },
      { _intent: "delete", confirm: "on" },
      { _intent: "addEvidence", target: `challenge:${sharedEntry.id}` },
    ];
    for (const fields of refused)
      expect((await clientB.post(page, fields)).status, fields._intent).toBe(404);
    expect(
      (await clientB.post(`${page}/edit`, { kind: "lesson", title: "Overschreven" })).status,
    ).toBe(404);
    expect(JSON.stringify(await rowOf(sharedEntry.id))).toBe(before);
    // Adopting is the one thing B may do with it, and it writes B's row only.
    const adopted = await clientB.post(`${page}/adopt`, { tried: "In onze wijk geprobeerd" });
    expect(adopted.status).toBe(302);
    expect(JSON.stringify(await rowOf(sharedEntry.id))).toBe(before);
  });
});
