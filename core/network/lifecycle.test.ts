import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope, makeUser } from "../../test/fixtures.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { addPerson } from "../people/addPerson.ts";
import { erasePerson } from "../people/erasePerson.ts";
import { exportPerson } from "../people/exportPerson.ts";
import { mergePeople } from "../people/mergePeople.ts";
import { exportRegion } from "../regions/exportRegion.ts";
import { importRegion } from "../regions/importRegion.ts";
import { networkOf } from "./network.ts";
import { recordOwnTie, recordTie } from "./recordTie.ts";
import { removeOwnTie } from "./removeTie.ts";

/**
 * What happens to the ties people recorded when the people change: merged records keep them,
 * erasure removes them from the table (not only from the network), and a region's export takes
 * them along to its import.
 */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

let n = 0;
async function region() {
  const { scope, region: row } = await makeScope(t.db, "admin", { slug: `ties-${n++}` });
  const person = async (name: string) => {
    const r = await addPerson(scope, { name, email: `${name.toLowerCase()}-${n}@example.org` });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.value.id;
  };
  return { scope, person, slug: row.slug };
}

async function tiesOf(scope: RegionScope) {
  return t.db
    .selectFrom("network_ties")
    .select(["person_a", "person_b", "kind"])
    .where("region_id", "=", scope.regionId)
    .execute();
}

const record = async (scope: RegionScope, a: string, b: string, kind = "works_with") => {
  const r = await recordTie(scope, a, { other: b, kind });
  expect(r.ok).toBe(true);
};

describe("declared ties through the life of the people they name", () => {
  it("moves a merged duplicate's ties to the record kept, dropping the tie between the two", async () => {
    const { scope, person } = await region();
    const [anna, annaDup, bram, cas] = [
      await person("Anna"),
      await person("AnnaDubbel"),
      await person("Bram"),
      await person("Cas"),
    ];
    await record(scope, annaDup, bram);
    await record(scope, annaDup, cas, "advises");
    await record(scope, anna, cas, "advises");
    await record(scope, anna, annaDup);

    const merged = await mergePeople(scope, { keepId: anna, removeId: annaDup });
    expect(merged.ok).toBe(true);

    const ties = await tiesOf(scope);
    const pairs = ties.map((x) => [[x.person_a, x.person_b].sort().join("|"), x.kind]).sort();
    expect(pairs).toEqual(
      [
        [[anna, bram].sort().join("|"), "works_with"],
        [[anna, cas].sort().join("|"), "advises"],
      ].sort(),
    );
    const network = await networkOf(t.db, scope.regionId, { level: "people" });
    expect(network.graph.hasEdge(`p:${anna}`, `p:${bram}`)).toBe(true);
    expect(network.graph.hasNode(`p:${annaDup}`)).toBe(false);
  });

  it("deletes an erased person's ties, not only hides them", async () => {
    const { scope, person } = await region();
    const [dirk, eva] = [await person("Dirk"), await person("Eva")];
    await record(scope, dirk, eva);
    expect(await tiesOf(scope)).toHaveLength(1);
    const erased = await erasePerson(scope, dirk, { confirmed: true });
    expect(erased.ok).toBe(true);
    expect(await tiesOf(scope)).toHaveLength(0);
  });

  it("takes the ties along in a region's export and import", async () => {
    const { scope, person, slug } = await region();
    const [fien, gert] = [await person("Fien"), await person("Gert")];
    await record(scope, fien, gert, "learns_from");
    const doc = await exportRegion(t.db, slug);
    expect(doc?.declaredTies).toHaveLength(1);
    const imported = await importRegion(t.db, doc, { slug: `${slug}-kopie` });
    expect(imported.ok).toBe(true);
    const copy = await t.db
      .selectFrom("regions")
      .select("id")
      .where("slug", "=", `${slug}-kopie`)
      .executeTakeFirstOrThrow();
    const rows = await t.db
      .selectFrom("network_ties as t")
      .innerJoin("people as a", "a.id", "t.person_a")
      .innerJoin("people as b", "b.id", "t.person_b")
      .select(["a.name as a", "b.name as b", "t.kind", "a.region_id"])
      .where("t.region_id", "=", copy.id)
      .execute();
    expect(rows.map((r) => [[r.a, r.b].sort(), r.kind, r.region_id])).toEqual([
      [["Fien", "Gert"], "learns_from", copy.id],
    ]);
  });

  it("refuses an import whose tie names a person not in the file", async () => {
    const { scope, person, slug } = await region();
    const [hans, ines] = [await person("Hans"), await person("Ines")];
    await record(scope, hans, ines);
    const doc = await exportRegion(t.db, slug);
    doc!.declaredTies[0]!.personRefs = [hans, "iemand-anders"];
    const imported = await importRegion(t.db, doc, { slug: `${slug}-fout` });
    expect(imported.ok).toBe(false);
    expect(
      await t.db.selectFrom("regions").select("id").where("slug", "=", `${slug}-fout`).execute(),
    ).toHaveLength(0);
  });
});

describe("a person's data export", () => {
  it("lists who they work with, by name and kind", async () => {
    const { scope, person } = await region();
    const [joke, karel] = [await person("Joke"), await person("Karel")];
    await record(scope, joke, karel, "funds");
    const data = await exportPerson(scope, joke);
    expect(data.ok && data.value.declaredTies).toEqual([
      expect.objectContaining({ personId: joke, with: "Karel", kind: "funds" }),
    ]);
  });
});

describe("a member records who they work with", () => {
  async function member(scope: RegionScope, email: string, verified = true) {
    const user = await makeUser(t.db, { email, verified });
    await t.db
      .insertInto("memberships")
      .values({ user_id: user.id, region_id: scope.regionId, role: "member" })
      .execute();
    const own: RegionScope = { ...scope, userId: user.id, role: "member" };
    return own;
  }

  it("records a tie from their own person, and removes only their own ties", async () => {
    const { scope, person } = await region();
    const lies = await person("Lies");
    const [mark, nina] = [await person("Mark"), await person("Nina")];
    const liesEmail = (
      await t.db
        .selectFrom("people")
        .select("email")
        .where("id", "=", lies)
        .executeTakeFirstOrThrow()
    ).email!;
    const me = await member(scope, liesEmail);
    expect(await recordOwnTie(me, { other: mark, kind: "learns_from" })).toMatchObject({
      ok: true,
    });
    await record(scope, mark, nina);
    const ties = await t.db
      .selectFrom("network_ties")
      .select(["id", "person_a", "person_b", "recorded_by"])
      .where("region_id", "=", scope.regionId)
      .execute();
    const mine = ties.find((x) => [x.person_a, x.person_b].includes(lies))!;
    const theirs = ties.find((x) => !([x.person_a, x.person_b] as string[]).includes(lies))!;
    expect(mine.recorded_by).toBe(me.userId);
    // Someone else's tie is "not found" for a member, and stays.
    expect(await removeOwnTie(me, theirs.id)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await removeOwnTie(me, mine.id)).toMatchObject({ ok: true });
    expect((await tiesOf(scope)).length).toBe(1);
    // A member cannot record for someone else (the coordinators' intent).
    expect(await recordTie(me, mark, { other: nina })).toMatchObject({ kind: "forbidden" });
  });

  it("is not found for an account whose address is not verified or not in the register", async () => {
    const { scope, person } = await region();
    const olga = await person("Olga");
    const email = (
      await t.db
        .selectFrom("people")
        .select("email")
        .where("id", "=", olga)
        .executeTakeFirstOrThrow()
    ).email!;
    const unverified = await member(scope, email, false);
    const other = await person("Piet");
    expect(await recordOwnTie(unverified, { other })).toMatchObject({ kind: "notFound" });
    const stranger = await member(scope, `niemand-${n}@example.org`);
    expect(await recordOwnTie(stranger, { other })).toMatchObject({ kind: "notFound" });
    expect(await tiesOf(scope)).toHaveLength(0);
  });
});
