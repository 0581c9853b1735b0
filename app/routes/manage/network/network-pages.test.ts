import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setCheckedIn } from "../../../../core/events/setCheckedIn.ts";
import { addPerson } from "../../../../core/people/addPerson.ts";
import { createOrganisation } from "../../../../core/people/createOrganisation.ts";
import { TestClient } from "../../../../test/client.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../../../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../../../test/server.ts";

/**
 * The network pages' forms and query strings as a browser without JavaScript sends them: a
 * coordinator records and removes "works with" on a person's page, a member on their own
 * position page, and the network page reads any filter it is given without failing.
 */

let s: TestServer;
let slug: string;
let organiser: TestClient;
let member: TestClient;
const ids: Record<"anna" | "bram" | "cor" | "me", string> = { anna: "", bram: "", cor: "", me: "" };

const must = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
};

/** Anna (municipality) and Bram (hbo) were at one workshop; Cor and the member at nothing. */
beforeAll(async () => {
  s = await startTestServer();
  const a = await makeScope(s.db, "organiser");
  slug = a.region.slug;
  const scope = a.scope;
  const gemeente = must(
    await createOrganisation(scope, { name: "Gemeente Ede", sector: "government" }),
  ).id;
  const hbo = must(await createOrganisation(scope, { name: "HAN", sector: "hbo" })).id;
  const memberUser = await makeUser(s.db, { email: `lid-${Date.now()}@example.org` });
  await s.db
    .insertInto("memberships")
    .values({ user_id: memberUser.id, region_id: a.region.id, role: "member" })
    .execute();
  const person = async (name: string, email: string, organisationId: string) =>
    must(await addPerson(scope, { name, email, organisationId, perspectives: [] })).id;
  ids.anna = await person("Anna de Wit", "anna@example.org", gemeente);
  ids.bram = await person("Bram Visser", "bram@example.org", hbo);
  ids.cor = await person("Cor Bakker", "cor@example.org", hbo);
  ids.me = await person("Mila Lid", memberUser.email, gemeente);

  const start = new Date(Date.now() - 20 * 86_400_000);
  const event = (
    await s.db
      .insertInto("events")
      .values({
        region_id: scope.regionId,
        slug: "werkplaats",
        kind: "workshop",
        title: "Werkplaats",
        mode: "on_site",
        starts_at: start,
        ends_at: new Date(start.getTime() + 3 * 3_600_000),
        status: "published",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  for (const email of ["anna@example.org", "bram@example.org"]) {
    const reg = await s.db
      .insertInto("registrations")
      .values({
        event_id: event,
        region_id: scope.regionId,
        email,
        name: email,
        status: "confirmed",
        consent_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    must(await setCheckedIn(scope, event, reg.id, true));
  }
  organiser = new TestClient(s.url);
  await organiser.signIn(a.user.email, TEST_PASSWORD);
  member = new TestClient(s.url);
  await member.signIn(memberUser.email, TEST_PASSWORD);
});
afterAll(async () => {
  await s.close();
});

const personPage = (id: string) => `/manage/${slug}/people/${id}/network`;

/** The names in a page's table with this caption (its row headers). */
async function rowNames(client: TestClient, path: string, caption: RegExp): Promise<string[]> {
  const res = await client.get(path);
  expect(res.status, path).toBe(200);
  const table = parse(await res.text())
    .querySelectorAll("table")
    .find((t) => caption.test(t.querySelector("caption")?.text ?? ""));
  return table ? table.querySelectorAll("tbody th").map((th) => th.text.trim()) : [];
}

const tieRows = (client: TestClient, path: string) =>
  rowNames(client, path, /^Vastgelegde samenwerking/);

describe("recording who works with whom, by form", () => {
  it("a coordinator records a tie on a person's page; it shows there, on the other's page and in the network at once", async () => {
    await organiser.get(personPage(ids.anna));
    const res = await organiser.post(personPage(ids.anna), {
      _intent: "recordTie",
      other: ids.cor,
      kind: "advises",
      note: "Adviseert over stages",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`${personPage(ids.anna)}?done=recorded#declared`);
    const page = await (await organiser.get(`${personPage(ids.anna)}?done=recorded`)).text();
    expect(page).toContain("De samenwerking is vastgelegd.");
    expect(page).toContain("Adviseert over stages");
    expect(await tieRows(organiser, personPage(ids.anna))).toEqual(["Cor Bakker"]);
    expect(await tieRows(organiser, personPage(ids.cor))).toEqual(["Anna de Wit"]);
    // The network is not a stale cache: Cor is in it now, tied to Anna by a recorded tie.
    const ties = await rowNames(
      organiser,
      `/manage/${slug}/network?kinds=declared`,
      /sterkste band(?:en)?$/,
    );
    expect(ties).toHaveLength(1);
    const network = await (await organiser.get(`/manage/${slug}/network?kinds=declared`)).text();
    expect(network).toContain("Cor Bakker");
    expect(network).not.toContain("Bram Visser");

    // Removed again: gone from both pages and from the network.
    const tieId = parse(await (await organiser.get(personPage(ids.anna))).text())
      .querySelector('input[name="tieId"]')!
      .getAttribute("value")!;
    const removed = await organiser.post(personPage(ids.anna), { _intent: "removeTie", tieId });
    expect(removed.headers.get("Location")).toBe(`${personPage(ids.anna)}?done=removed#declared`);
    expect(await tieRows(organiser, personPage(ids.cor))).toEqual([]);
    const after = await (await organiser.get(`/manage/${slug}/network`)).text();
    expect(after).not.toContain("Cor Bakker");
  });

  it("answers a wrong form with a message at its field, in Dutch, never a 500", async () => {
    const cases: [Record<string, string>, number, string][] = [
      [{ other: "" }, 400, "Kies met wie deze persoon samenwerkt."],
      [{ other: "not-an-id" }, 400, "Kies met wie deze persoon samenwerkt."],
      [{ other: ids.anna }, 400, "Kies een ander persoon dan deze zelf."],
      [{ other: ids.bram, kind: "enemy" }, 400, ""],
      [{ other: ids.bram, note: "x".repeat(501) }, 400, ""],
    ];
    for (const [fields, status, message] of cases) {
      const res = await organiser.post(personPage(ids.anna), { _intent: "recordTie", ...fields });
      const body = await res.text();
      expect.soft(res.status, JSON.stringify(fields).slice(0, 80)).toBe(status);
      if (message) expect.soft(body).toContain(message);
      // The field says it is wrong, for assistive technology too.
      expect.soft(body, JSON.stringify(fields).slice(0, 80)).toContain('aria-invalid="true"');
    }
    // A tie that is not there, or not an id, is "not found".
    for (const tieId of ["00000000-0000-4000-8000-000000000000", "x"]) {
      const res = await organiser.post(personPage(ids.anna), { _intent: "removeTie", tieId });
      expect(res.status).toBe(404);
    }
    expect(await tieRows(organiser, personPage(ids.anna))).toEqual([]);
  });

  it("a member records and removes who they work with on their own position page, and no one else's", async () => {
    const mine = `/manage/${slug}/my-network`;
    const page = await (await member.get(mine)).text();
    expect(page).toContain("Mijn netwerkpositie");
    expect(page).toContain("Deze persoon heeft nog geen banden in het netwerk van de regio.");
    const res = await member.post(mine, { _intent: "recordTie", other: ids.bram });
    expect(res.headers.get("Location")).toBe(`${mine}?done=recorded#declared`);
    expect(await tieRows(member, mine)).toEqual(["Bram Visser"]);
    // Their position now counts the tie: one contact, in the hbo.
    const now = await (await member.get(mine)).text();
    expect(now).toMatch(/1 contact, sterkte 1,00\./);
    // The coordinator sees the same tie on the member's person page.
    expect(await tieRows(organiser, personPage(ids.me))).toEqual(["Bram Visser"]);

    // A tie between two others, recorded by the coordinator, is not the member's to remove.
    await organiser.post(personPage(ids.anna), { _intent: "recordTie", other: ids.bram });
    const theirs = parse(await (await organiser.get(personPage(ids.anna))).text())
      .querySelector('input[name="tieId"]')!
      .getAttribute("value")!;
    expect((await member.post(mine, { _intent: "removeTie", tieId: theirs })).status).toBe(404);
    expect(await tieRows(organiser, personPage(ids.anna))).toEqual(["Bram Visser"]);

    const own = parse(await (await member.get(mine)).text())
      .querySelector('input[name="tieId"]')!
      .getAttribute("value")!;
    const removed = await member.post(mine, { _intent: "removeTie", tieId: own });
    expect(removed.headers.get("Location")).toBe(`${mine}?done=removed#declared`);
    expect(await tieRows(member, mine)).toEqual([]);
  });
});

describe("the network page's filter, as people edit it by hand", () => {
  it("reads any query string without failing, and an inverted period the way round", async () => {
    const base = `/manage/${slug}/network`;
    for (const query of [
      "from=gisteren&to=2026-13-45",
      "level=planets&kinds=bogus&kinds[]=event&sort=evil&page=-3",
      `q=${"a".repeat(150)}`,
      "from=1900-01-01&to=2999-01-01",
      "focus=p:00000000-0000-4000-8000-000000000000",
      "page=999999999999",
    ]) {
      const res = await organiser.get(`${base}?${query}`);
      expect.soft(res.status, query.slice(0, 60)).toBe(200);
    }
    const swapped = parse(
      await (await organiser.get(`${base}?from=2026-06-01&to=2026-01-01`)).text(),
    );
    expect(swapped.querySelector("#field-from")!.getAttribute("value")).toBe("2026-01-01");
    expect(swapped.querySelector("#field-to")!.getAttribute("value")).toBe("2026-06-01");
    // The downloads carry the period as the page reads it.
    const gexf = swapped
      .querySelectorAll("a[download]")
      .map((a) => a.getAttribute("href")!)
      .find((h) => h.includes("network.gexf"))!;
    expect(new URL(gexf, s.url).searchParams.get("from")).toBe("2026-01-01");
  });

  it("shows only the kinds of tie asked for", async () => {
    const base = `/manage/${slug}/network`;
    const parties = async (q: string) =>
      (await rowNames(organiser, `${base}?${q}`, /^Partijen met hun maten/)).sort();
    // Anna and Bram met at the workshop and have a recorded tie (above); Cor only a recorded one.
    await organiser.post(personPage(ids.cor), { _intent: "recordTie", other: ids.anna });
    expect(await parties("kinds=event")).toEqual(["Anna de Wit", "Bram Visser"]);
    expect(await parties("kinds=declared")).toEqual(["Anna de Wit", "Bram Visser", "Cor Bakker"]);
    expect(await parties("kinds=event&kinds=declared")).toEqual(await parties("kinds=declared"));
    expect(await parties("kinds=coalition")).toEqual([]);
  });
});
