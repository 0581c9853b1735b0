import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope, makeUser } from "../../test/fixtures.ts";
import { exportRegion } from "./exportRegion.ts";
import { importRegion } from "./importRegion.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

async function regionWithContent() {
  const { region, user } = await makeScope(t.db, "admin");
  await t.db
    .updateTable("regions")
    .set({
      challenges: "Genoeg personeel\nBestaanszekerheid",
      logo: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      logo_mime: "image/png",
    })
    .where("id", "=", region.id)
    .execute();
  const org = await t.db
    .insertInto("organisations")
    .values({ region_id: region.id, name: "ROC Rivierenland", sector: "mbo" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("people")
    .values([
      {
        region_id: region.id,
        organisation_id: org.id,
        name: "Anna de Vries",
        email: "anna@example.org",
        perspectives: ["education", "work"],
        expertise: ["praktijkleren"],
      },
      {
        region_id: region.id,
        organisation_id: null,
        name: "Bewoner zonder organisatie",
        email: null,
        perspectives: ["living"],
        expertise: [],
      },
    ])
    .execute();
  const outsider = await makeUser(t.db);
  return { region, user, outsider };
}

describe("export and import of a region", () => {
  it("exports no password hashes, sessions or tokens", async () => {
    const { region } = await regionWithContent();
    const doc = await exportRegion(t.db, region.slug);
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/scrypt\$|token|password/i);
    expect(doc?.people.map((p) => p.name).sort()).toEqual([
      "Anna de Vries",
      "Bewoner zonder organisatie",
    ]);
  });

  it("round-trips into a new slug with the same organisations, people, links and look", async () => {
    const { region, user } = await regionWithContent();
    const doc = await exportRegion(t.db, region.slug);
    const result = await importRegion(t.db, JSON.parse(JSON.stringify(doc)), {
      slug: `${region.slug}-kopie`,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      organisations: 1,
      people: 2,
      memberships: 1,
      skippedMembers: [],
    });
    const copy = await exportRegion(t.db, `${region.slug}-kopie`);
    const strip = (d: typeof doc) => ({
      ...d!,
      exportedAt: "",
      region: { ...d!.region, slug: "" },
      organisations: d!.organisations.map((o) => ({ ...o, ref: "" })),
      people: d!.people.map((p) => ({
        ...p,
        organisationRef: p.organisationRef ? "linked" : null,
      })),
    });
    expect(strip(copy)).toEqual(strip(doc));
    const member = await t.db
      .selectFrom("memberships")
      .select("role")
      .where("user_id", "=", user.id)
      .where("region_id", "!=", region.id)
      .executeTakeFirst();
    expect(member?.role).toBe("admin");
  });

  it("refuses an existing slug and a broken document, and writes nothing", async () => {
    const { region } = await regionWithContent();
    const doc = (await exportRegion(t.db, region.slug))!;
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom("regions")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expect(await importRegion(t.db, doc)).toMatchObject({
      ok: false,
      error: { key: "import.slugTaken" },
    });
    const broken = { ...doc, people: [{ ...doc.people[0]!, email: "not an address" }] };
    const result = await importRegion(t.db, broken, { slug: "elders" });
    expect(result).toMatchObject({ ok: false, error: { key: "import.invalid" } });
    if (!result.ok) expect(String(result.error.values?.details)).toContain("people.0.email");
    expect(await count()).toBe(before);
  });

  it("lists members without an account here instead of inventing accounts", async () => {
    const { region } = await regionWithContent();
    const doc = (await exportRegion(t.db, region.slug))!;
    doc.memberships.push({
      email: "nog-geen-account@example.org",
      name: "Nieuw",
      role: "organiser",
    });
    const result = await importRegion(t.db, doc, { slug: `${region.slug}-elders` });
    expect(result.ok && result.value.skippedMembers).toEqual(["nog-geen-account@example.org"]);
    expect(
      await t.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "nog-geen-account@example.org")
        .executeTakeFirst(),
    ).toBeUndefined();
  });
});
