import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { setCheckedIn } from "../events/setCheckedIn.ts";
import type { Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { addPerson } from "../people/addPerson.ts";
import { mergePeople } from "../people/mergePeople.ts";
import { networkOf, type Network } from "./network.ts";
import { recordTie } from "./recordTie.ts";

/**
 * Declared ties and the change log under writers at the same moment. Only PostgreSQL can show
 * it: PGlite is one connection, so there one transaction runs after the other. Without
 * TEST_DATABASE_URL these tests are skipped. On the server each intent below takes a connection
 * of its own from the pool, so `Promise.all` runs them side by side.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("the network under concurrency", () => {
  let t: TestDb;
  let scope: RegionScope;
  let counter = 0;
  beforeAll(async () => {
    t = await createTestDb();
    scope = (await makeScope(t.db, "organiser")).scope;
  });
  afterAll(async () => {
    await t.dispose();
  });

  function must<T>(r: Result<T>): T {
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.value;
  }

  const person = async (s: RegionScope = scope) => {
    const n = counter++;
    return must(await addPerson(s, { name: `Persoon ${n}`, email: `p${n}@example.org` })).id;
  };

  const tiesOf = (a: string, b: string) =>
    t.db
      .selectFrom("network_ties")
      .select(["kind"])
      .where((eb) =>
        eb.or([
          eb.and([eb("person_a", "=", a), eb("person_b", "=", b)]),
          eb.and([eb("person_a", "=", b), eb("person_b", "=", a)]),
        ]),
      )
      .execute();

  const changes = async (regionId: string) =>
    Number(
      (
        await t.db
          .selectFrom("network_changes")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("region_id", "=", regionId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function eventWith(s: RegionScope, emails: string[]) {
    const start = new Date(Date.now() - 86_400_000);
    const event = await t.db
      .insertInto("events")
      .values({
        region_id: s.regionId,
        slug: `werkplaats-${counter++}`,
        kind: "workshop",
        title: "Werkplaats",
        mode: "on_site",
        starts_at: start,
        ends_at: new Date(start.getTime() + 3_600_000),
        status: "published",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const registrations = await t.db
      .insertInto("registrations")
      .values(
        emails.map((email) => ({
          event_id: event.id,
          region_id: s.regionId,
          email,
          name: email,
          status: "confirmed" as const,
          consent_at: new Date(),
        })),
      )
      .returning("id")
      .execute();
    return { event: event.id, registrations: registrations.map((r) => r.id) };
  }

  const tie = (network: Network, a: string, b: string) =>
    network.graph.hasNode(`p:${a}`) && network.graph.hasNode(`p:${b}`)
      ? network.graph.edge(`p:${a}`, `p:${b}`)
      : undefined;

  it("keeps one tie when the same pair is recorded twice at once, and both succeed", async () => {
    for (let round = 0; round < 8; round++) {
      const a = await person();
      const b = await person();
      // From both pages at once: one coordinator on A's, another on B's.
      const results = await Promise.all([
        recordTie(scope, a, { other: b, kind: "works_with" }),
        recordTie(scope, round % 2 === 0 ? b : a, { other: round % 2 === 0 ? a : b }),
      ]);
      expect(results).toEqual([
        { ok: true, value: null },
        { ok: true, value: null },
      ]);
      expect(await tiesOf(a, b)).toEqual([{ kind: "works_with" }]);
    }
  });

  it("answers 'not found' and writes nothing when the other person is merged away meanwhile", async () => {
    for (let round = 0; round < 3; round++) {
      const a = await person();
      const kept = await person();
      const merged = await person();
      let recording: Promise<Result<null>> | undefined;
      await t.db.transaction().execute(async (trx) => {
        // What a merge does to the duplicate, by hand, so the tie is asked for before it commits.
        await trx.deleteFrom("people").where("id", "=", merged).execute();
        recording = recordTie(scope, a, { other: merged });
        await sleep(200);
      });
      expect(await recording).toMatchObject({ ok: false, kind: "notFound" });
      expect(await tiesOf(a, merged)).toEqual([]);
      // And through the intent, side by side: never an error, never a tie to a removed row.
      const other = await person();
      const [tied, merge] = await Promise.all([
        recordTie(scope, a, { other }),
        mergePeople(scope, { keepId: kept, removeId: other }),
      ]);
      expect(merge.ok).toBe(true);
      expect([true, false]).toContain(tied.ok);
      if (!tied.ok) expect(tied.kind).toBe("notFound");
      expect(await tiesOf(a, other)).toEqual([]);
    }
  });

  it("records no tie with someone whose erasure commits while the tie is asked for", async () => {
    const a = await person();
    const erased = await person();
    let recording: Promise<Result<null>> | undefined;
    await t.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("people")
        .set({ erased_at: sql`now()` })
        .where("id", "=", erased)
        .execute();
      recording = recordTie(scope, a, { other: erased });
      await sleep(200);
    });
    expect(await recording).toMatchObject({ ok: false, kind: "notFound" });
    expect(await tiesOf(a, erased)).toEqual([]);
  });

  it("logs every one of many check-ins at once, each its own change", async () => {
    const s = (await makeScope(t.db, "organiser")).scope;
    const people = await Promise.all([0, 1, 2, 3, 4, 5].map(() => person(s)));
    const emails = await t.db
      .selectFrom("people")
      .select(["id", "email"])
      .where("id", "in", people)
      .execute();
    const { event, registrations } = await eventWith(
      s,
      emails.map((e) => e.email!),
    );
    const before = await changes(s.regionId);
    const results = await Promise.all(registrations.map((id) => setCheckedIn(s, event, id, true)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await changes(s.regionId)).toBe(before + registrations.length);
    const network = await networkOf(t.db, s.regionId, { level: "people" });
    expect(network.graph.order).toBe(6);
    expect(network.graph.size).toBe(15);
  });

  it("does not serve a network computed before a check-in that committed after a later one", async () => {
    const s = (await makeScope(t.db, "organiser")).scope;
    const [ann, bob, cas] = await Promise.all([person(s), person(s), person(s)]);
    const emails = await t.db
      .selectFrom("people")
      .select(["id", "email"])
      .where("id", "in", [ann, bob, cas])
      .execute();
    const email = (id: string) => emails.find((e) => e.id === id)!.email!;
    const { event, registrations } = await eventWith(s, [email(ann), email(bob), email(cas)]);
    must(await setCheckedIn(s, event, registrations[0]!, true));

    await t.db.transaction().execute(async (trx) => {
      // A slow check-in: its change row takes a sequence number first, and commits last.
      await trx
        .updateTable("registrations")
        .set({ checked_in_at: sql`now()` })
        .where("id", "=", registrations[2]!)
        .execute();
      must(await setCheckedIn(s, event, registrations[1]!, true));
      const meanwhile = await networkOf(t.db, s.regionId, { level: "people" });
      expect(tie(meanwhile, ann, bob)).toBeDefined();
      expect(meanwhile.graph.hasNode(`p:${cas}`)).toBe(false);
    });

    const after = await networkOf(t.db, s.regionId, { level: "people" });
    expect(tie(after, ann, cas)).toBeDefined();
    expect(tie(after, bob, cas)).toBeDefined();
  });
});
