import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addContribution } from "../../../../core/harvest/addContribution.ts";
import { listContributions, NO_FILTERS } from "../../../../core/harvest/queries.ts";
import { addSource } from "../../../../core/harvest/addSource.ts";
import type { RegionScope, Role } from "../../../../core/kernel/scope.ts";
import { TestClient } from "../../../../test/client.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../../../../test/fixtures.ts";
import { makeHarvest, makeHarvestSession } from "../../../../test/harvest.ts";
import { startTestServer, type TestServer } from "../../../../test/server.ts";

let s: TestServer;
let region: { id: string; slug: string; name: string };
let scope: RegionScope;
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

const base = () => `/manage/${region.slug}/harvest`;

/** The value of a form field as a browser would send it back: HTML entities decoded. */
function hiddenValue(html: string, name: string): string | undefined {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return m?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

async function memberWith(role: Role) {
  const user = await makeUser(s.db);
  await s.db
    .insertInto("memberships")
    .values({ user_id: user.id, region_id: region.id, role })
    .execute();
  const client = new TestClient(s.url);
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

async function contributionsOf(harvestId: string, inScope: RegionScope = scope) {
  return (await listContributions(inScope, harvestId, { ...NO_FILTERS, hidden: "all" }))
    .contributions;
}

describe("harvest pages", () => {
  it("creates a harvest, adds a session, gathers, and shows the figures", async () => {
    const bad = await organiser.post(base(), { title: "", strategicThemes: "" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Vul dit veld in.");

    const created = await organiser.post(base(), {
      title: "Ontwikkelsessies 2021",
      strategicThemes: "De kandidaat centraal\nLeercultuur",
      language: "nl",
    });
    expect(created.status).toBe(302);
    const page = created.headers.get("Location")!.split("?")[0]!;
    const harvestId = page.split("/").pop()!;

    const { sessionId } = await makeHarvestSession(scope, { title: "Sessie Arnhem" });
    const overview = await organiser.get(page);
    expect(overview.status).toBe(200);
    const html = await overview.text();
    expect(html).toContain("Ontwikkelsessies 2021");
    expect(html).toContain("De kandidaat centraal");
    expect(html).toContain("Sessie Arnhem");

    const added = await organiser.post(page, {
      _intent: "addSource",
      source: "session",
      sourceId: sessionId,
    });
    expect(added.status).toBe(302);
    const gathered = await organiser.post(page, { _intent: "gather" });
    expect(gathered.status).toBe(302);
    const after = await (await organiser.get(gathered.headers.get("Location")!)).text();
    expect(after).toContain("Opgehaald uit 1 sessie: 4 nieuw, 0 bijgewerkt.");
    expect(after).toContain("3 bijdragen tellen mee.");
    expect(after).toContain("1 bijdrage is verborgen en telt niet mee.");
    expect(after).toMatch(/Droom<\/a><\/th><td[^>]*>2<\/td>/);

    // Gathering again adds nothing.
    await organiser.post(page, { _intent: "gather" });
    expect(await contributionsOf(harvestId)).toHaveLength(4);

    const list = await (await organiser.get(`${page}/contributions`)).text();
    expect(list).toContain("3 bijdragen gevonden.");
    expect(list).toContain("Sessie Arnhem · Wat is jouw droom voor de regio?");
    expect(list).toContain("Groepsnotitie");
    expect(list).not.toContain("Verborgen antwoord");
    const groupOnly = await (await organiser.get(`${page}/contributions?origin=group_note`)).text();
    expect(groupOnly).toContain("1 bijdrage gevonden.");
  });

  it("edits, tags, hides and merges contributions through plain forms", async () => {
    const harvest = await makeHarvest(scope, { title: "Bewerken" });
    const ids: string[] = [];
    for (const text of ["Meer stages", "Stages in de wijk", "Iets anders"]) {
      const r = await addContribution(scope, harvest.id, { text, kind: "idea" });
      if (r.ok) ids.push(r.value.id);
    }
    const list = `${base()}/${harvest.id}/contributions`;
    const item = `${list}/${ids[2]}`;
    const edit = await organiser.get(item);
    expect(edit.status).toBe(200);
    const badSave = await organiser.post(item, { _intent: "save", text: "", kind: "wish" });
    expect(badSave.status).toBe(400);
    expect(await badSave.text()).toContain("Kies een van de mogelijkheden.");
    expect(
      (
        await organiser.post(item, {
          _intent: "save",
          text: "Iets <b>anders</b>",
          kind: "dream",
          sector: "mbo",
        })
      ).status,
    ).toBe(302);
    expect((await organiser.post(item, { _intent: "tags", tags: "zorg, wijk" })).status).toBe(302);
    const tooLong = await organiser.post(item, { _intent: "tags", tags: "x".repeat(61) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("Gebruik hoogstens 60 tekens.");
    expect((await organiser.post(list, { _intent: "hide", id: ids[2]! })).status).toBe(302);

    // Choosing for a merge is a GET with the chosen ids; the merge itself a POST.
    const choose = await organiser.get(`${list}?merge=${ids[0]}&merge=${ids[1]}`);
    const chooseHtml = await choose.text();
    expect(chooseHtml).toContain("Welke bijdrage blijft?");
    expect(chooseHtml).toContain(`value="${ids[1]}"`);
    const merged = await organiser.post(list, {
      _intent: "merge",
      "ids[]": [ids[0]!, ids[1]!],
      into: ids[0]!,
    });
    expect(merged.status).toBe(302);
    const page = await (await organiser.get(merged.headers.get("Location")!)).text();
    expect(page).toContain("1 bijdrage is samengevoegd.");
    expect(page).toContain("1 bijdrage samengevoegd hierin");
    expect(page).toContain("1 bijdrage gevonden.");

    const all = await contributionsOf(harvest.id);
    expect(all.find((c) => c.id === ids[2])).toMatchObject({
      text: "Iets <b>anders</b>",
      kind: "dream",
      sector: "mbo",
      tags: ["zorg", "wijk"],
      hidden: true,
    });
    const hiddenPage = await (await organiser.get(`${list}?hidden=hidden`)).text();
    expect(hiddenPage).toContain("Iets &lt;b&gt;anders&lt;/b&gt;");

    const csv = await organiser.get(`${list}.csv?hidden=all`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const body = await csv.text();
    expect(body).toContain("Meer stages;Idee;;;;;Met de hand toegevoegd;;;Stages in de wijk");
  });

  it("previews an import with its row errors, stores nothing until accepted, and refuses huge files", async () => {
    const harvest = await makeHarvest(scope, { title: "Import" });
    const url = `${base()}/${harvest.id}/import`;
    expect((await organiser.get(url)).status).toBe(200);
    const csv = [
      "tekst;soort;sector;bron",
      "Meer stageplekken;idee;mbo;Sessie 2",
      ";droom;;",
      "Een wens;wens;;",
    ].join("\r\n");
    const upload = new FormData();
    upload.set("_intent", "preview");
    upload.set("file", new Blob([csv], { type: "text/csv" }), "bijdragen.csv");
    const preview = await organiser.post(url, upload);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("Er is nog niets opgeslagen.");
    expect(html).toContain("1 bijdrage wordt geïmporteerd.");
    expect(html).toContain("2 rijen met fouten worden overgeslagen.");
    expect(html).toMatch(/<th[^>]*>3<\/th>.*Tekst: Vul dit veld in\./s);
    expect(html).toContain("Soort: Onbekende soort “wens”.");
    expect(await contributionsOf(harvest.id)).toHaveLength(0);

    const confirm = new FormData();
    confirm.set("_intent", "confirm");
    confirm.set("payload", hiddenValue(html, "payload")!);
    const done = await organiser.post(url, confirm);
    expect(done.status).toBe(302);
    const list = await (await organiser.get(done.headers.get("Location")!)).text();
    expect(list).toContain("Import klaar: 1 bijdrage toegevoegd; 2 rijen met fouten");
    expect((await contributionsOf(harvest.id)).map((c) => c.text)).toEqual(["Meer stageplekken"]);

    const tampered = new FormData();
    tampered.set("_intent", "confirm");
    tampered.set("payload", "bm90IGd6aXA=");
    const refused = await organiser.post(url, tampered);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Het voorbeeld is verlopen of beschadigd.");

    const many = new FormData();
    many.set("_intent", "preview");
    many.set("file", new Blob(["tekst\n" + "idee\n".repeat(20_001)]), "veel.csv");
    const tooMany = await organiser.post(url, many);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain("Het bestand heeft meer dan 20000 rijen.");

    const huge = new FormData();
    huge.set("_intent", "preview");
    huge.set("file", new Blob(["tekst\n" + "x".repeat(5 * 1024 * 1024)]), "groot.csv");
    const tooLarge = await organiser.post(url, huge);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toContain("De aanvraag is te groot (hoogstens 5 MB)");
    expect(await contributionsOf(harvest.id)).toHaveLength(1);
  });

  it("lets a facilitator read but not change; a member sees nothing", async () => {
    const harvest = await makeHarvest(scope, { title: "Alleen lezen" });
    const facilitator = await memberWith("facilitator");
    expect((await facilitator.get(base())).status).toBe(200);
    expect((await facilitator.get(`${base()}/${harvest.id}/contributions`)).status).toBe(200);
    expect((await facilitator.get(`${base()}/${harvest.id}/import`)).status).toBe(403);
    const posted = await facilitator.post(`${base()}/${harvest.id}`, { _intent: "gather" });
    expect(posted.status).toBe(403);
    const member = await memberWith("member");
    expect((await member.get(base())).status).toBe(403);
  });
});

describe("the public contribution form", () => {
  it("answers 404 with a friendly page while closed, and for a harvest that does not exist", async () => {
    const harvest = await makeHarvest(scope, { title: "Dicht formulier" });
    const anonymous = new TestClient(s.url);
    const closed = await anonymous.get(`/r/${region.slug}/harvest/${harvest.slug}/contribute`);
    expect(closed.status).toBe(404);
    const html = await closed.text();
    expect(html).toContain("Dit formulier is gesloten");
    expect(html).not.toContain("Dicht formulier");
    const unknown = await anonymous.get(`/r/${region.slug}/harvest/bestaat-niet/contribute`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Dit formulier is gesloten");
    const posted = await anonymous.post(`/r/${region.slug}/harvest/${harvest.slug}/contribute`, {
      text: "Toch proberen",
    });
    expect(posted.status).toBe(404);
    expect(await contributionsOf(harvest.id)).toHaveLength(0);
  });

  it("stores a contribution as text without an account; the honeypot stores nothing", async () => {
    const harvest = await makeHarvest(scope, {
      title: "Open formulier",
      formOpen: "on",
      strategicThemes: "Leercultuur",
    });
    const url = `/r/${region.slug}/harvest/${harvest.slug}/contribute`;
    const anonymous = new TestClient(s.url);
    const page = await anonymous.get(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Jouw bijdrage: Open formulier");
    expect(html).toMatch(/name="website"[^>]*tabindex="-1"|tabindex="-1"[^>]*name="website"/i);

    const bad = await anonymous.post(url, { text: "", kind: "idea", website: "" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Vul dit veld in.");

    const script = "<script>alert('x')</script> Meer tijd om te leren";
    const sent = await anonymous.post(url, {
      text: script,
      kind: "idea",
      sector: "company",
      theme: "Leercultuur",
      website: "",
    });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`${url}?sent=1`);
    expect(await (await anonymous.get(`${url}?sent=1`)).text()).toContain(
      "Dank je wel! Je bijdrage is ontvangen.",
    );

    const bot = await anonymous.post(url, { text: "Koop nu", website: "https://spam.example" });
    expect(bot.status).toBe(302);
    expect(bot.headers.get("Location")).toBe(`${url}?sent=1`);

    const stored = await contributionsOf(harvest.id);
    expect(stored.map((c) => [c.text, c.origin, c.kind, c.sector, c.sourceTheme])).toEqual([
      [script, "form", "idea", "company", "Leercultuur"],
    ]);
    const list = await (await organiser.get(`${base()}/${harvest.id}/contributions`)).text();
    expect(list).toContain("&lt;script&gt;");
    expect(list).not.toContain("<script>alert");
  });
});

describe("another region's organiser", () => {
  it("gets 404 on every harvest page, export and post of this region", async () => {
    const harvest = await makeHarvest(scope, { title: "Geheim", formOpen: "on" });
    const { sessionId } = await makeHarvestSession(scope, { title: "Geheime sessie" });
    await addSource(scope, harvest.id, { source: "session", sourceId: sessionId });
    const c = await addContribution(scope, harvest.id, { text: "GeheimeBijdrage" });
    if (!c.ok) throw new Error("no contribution");
    const before = JSON.stringify(await contributionsOf(harvest.id));

    const other = await makeScope(s.db, "organiser");
    const intruder = new TestClient(s.url);
    await intruder.signIn(other.user.email, TEST_PASSWORD);
    const own = await makeHarvest(other.scope, { title: "Eigen" });

    const pages = (slug: string, h: string) => [
      `/manage/${slug}/harvest/${h}`,
      `/manage/${slug}/harvest/${h}/settings`,
      `/manage/${slug}/harvest/${h}/contributions`,
      `/manage/${slug}/harvest/${h}/contributions.csv`,
      `/manage/${slug}/harvest/${h}/contributions/${c.value.id}`,
      `/manage/${slug}/harvest/${h}/import`,
    ];
    const bodies: Record<string, string | string[]>[] = [
      { _intent: "gather" },
      { _intent: "addSource", source: "session", sourceId: sessionId },
      { _intent: "removeSource", source: "session", sourceId: sessionId },
      { _intent: "hide", id: c.value.id },
      { _intent: "merge", "ids[]": [c.value.id, c.value.id], into: c.value.id },
      { _intent: "save", text: "Overgenomen", title: "Overgenomen" },
      { _intent: "tags", tags: "x" },
      { _intent: "add", text: "Erbij" },
      { _intent: "confirm", payload: "x" },
    ];
    // Their own slug with this region's ids, and this region's slug outright.
    for (const url of [
      ...pages(other.region.slug, harvest.id),
      ...pages(region.slug, harvest.id),
      `/manage/${region.slug}/harvest`,
      `/manage/${other.region.slug}/harvest/${own.id}/contributions/${c.value.id}`,
    ]) {
      const got = await intruder.get(url);
      expect.soft(got.status, `GET ${url}`).toBe(404);
      expect.soft(await got.text(), `GET ${url}`).not.toContain("GeheimeBijdrage");
      for (const body of bodies) {
        const posted = await intruder.post(url, body);
        expect.soft([404, 405], `POST ${url} ${body._intent}`).toContain(posted.status);
      }
    }
    // Their own harvest cannot take this region's session as a source.
    const steal = await intruder.post(`/manage/${other.region.slug}/harvest/${own.id}`, {
      _intent: "addSource",
      source: "session",
      sourceId: sessionId,
    });
    expect(steal.status).toBe(400);
    expect(JSON.stringify(await contributionsOf(harvest.id))).toBe(before);
    expect(await contributionsOf(own.id, other.scope)).toHaveLength(0);
  });
});

describe("hostile input", () => {
  // Last: its posts to the public form use up this client address's allowance.
  it("answers every harvest form with a page, never a 500, and keeps what was saved", async () => {
    const harvest = await makeHarvest(scope, { title: "Vijandig", formOpen: "on" });
    const c = await addContribution(scope, harvest.id, { text: "Blijft staan", tags: "a" });
    if (!c.ok) throw new Error("no contribution");
    const nasty = [
      "",
      " ",
      "<script>alert(1)</script>",
      "\u0000",
      "a\u0000b",
      "x".repeat(20_000),
      "ë😀\u202e",
      "not-a-uuid",
      "-1",
    ];
    const page = `${base()}/${harvest.id}`;
    const forms: [string, string[], string[]][] = [
      [base(), [""], ["title", "description", "language", "strategicThemes", "formOpen"]],
      [
        `${page}/settings`,
        [""],
        ["title", "description", "language", "strategicThemes", "formOpen"],
      ],
      [page, ["addSource", "removeSource", "gather", "nonsense"], ["source", "sourceId"]],
      [
        `${page}/contributions`,
        ["hide", "show", "merge", "add"],
        ["id", "ids[]", "into", "text", "kind", "sector", "sourceLabel", "tags"],
      ],
      [
        `${page}/contributions/${c.value.id}`,
        ["save", "tags", "hide", "unmerge"],
        ["text", "kind", "sector", "tags"],
      ],
      [`${page}/import`, ["confirm", "preview"], ["payload", "file"]],
      [
        `/r/${region.slug}/harvest/${harvest.slug}/contribute`,
        [""],
        ["text", "kind", "sector", "theme", "website"],
      ],
    ];
    for (const [url, intents, fields] of forms) {
      for (const intent of intents) {
        for (const value of nasty) {
          const body: Record<string, string> = { _intent: intent };
          for (const f of fields) body[f] = value;
          const res = await organiser.post(url, body);
          expect
            .soft(res.status, `POST ${url} ${intent} ${JSON.stringify(value.slice(0, 20))}`)
            .toBeLessThan(500);
        }
      }
    }
    for (const query of [
      "q=%00",
      "tag=%00",
      "sourceTheme=%00",
      "theme=%00",
      "kind=<b>",
      "page=-1",
    ]) {
      const res = await organiser.get(`${page}/contributions?${query}`);
      expect.soft(res.status, query).toBe(200);
      const csv = await organiser.get(`${page}/contributions.csv?${query}`);
      expect.soft(csv.status, query).toBe(200);
    }
    const kept = (await contributionsOf(harvest.id)).find((x) => x.id === c.value.id);
    expect(kept).toMatchObject({ text: "Blijft staan" });
  });
});
