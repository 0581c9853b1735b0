import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RegionScope } from "../../../core/kernel/scope.ts";
import { TestClient } from "../../../test/client.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../../../test/fixtures.ts";
import { makeCuratedHarvest } from "../../../test/harvestFixtures.ts";
import { startTestServer, type TestServer } from "../../../test/server.ts";

/** The publication, action agenda, coalitions and trace pages, through real HTTP. */

let s: TestServer;
let region: { id: string; slug: string };
let scope: RegionScope;
let organiser: TestClient;
let h: Awaited<ReturnType<typeof makeCuratedHarvest>>;
let base: string;

beforeAll(async () => {
  // A low limit, so that the interest form's rate limit shows within the test.
  s = await startTestServer({ REGISTRATIONS_PER_CLIENT_PER_MINUTE: "5" });
  const a = await makeScope(s.db, "organiser");
  region = a.region;
  scope = a.scope;
  h = await makeCuratedHarvest(scope);
  base = `/manage/${region.slug}`;
  organiser = new TestClient(s.url);
  await organiser.signIn(a.user.email, TEST_PASSWORD);
});
afterAll(async () => {
  await s.close();
});

const location = (res: Response) => res.headers.get("Location") ?? "";

describe("the publication pages", () => {
  it("edits texts, quotes and the publish switch, and shows the public page only while published", async () => {
    const page = `${base}/harvest/${h.harvest.id}/publication`;
    const got = await organiser.get(page);
    expect(got.status).toBe(200);
    const html = await got.text();
    expect(html).toContain("De kandidaat centraal");
    expect(html).toContain("Bijdragen hierachter (2)");
    expect(html).toContain(`${page}.docx?lang=nl`);

    let res = await organiser.post(page, {
      _intent: "texts",
      publicationTitle: "Samenwerken aan een lerende regio",
      introduction: "<script>alert(1)</script>\n\nTweede alinea",
    });
    expect(res.status).toBe(302);
    res = await organiser.post(page, { _intent: "texts", publicationTitle: "x".repeat(300) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Gebruik hoogstens 200 tekens.");
    res = await organiser.post(page, {
      _intent: "summary",
      themeId: h.themes.culture,
      summary: "Samenvatting van de leercultuur",
    });
    expect(location(res)).toContain(`#theme-${h.themes.culture}`);

    const behind = `${page}/themes/${h.themes.culture}`;
    const list = await organiser.get(behind);
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain("Tijd voor leren gaat ten koste van de zorg");
    expect(listHtml).not.toContain("Verborgen bijdrage");
    res = await organiser.post(behind, { quote: h.contributions.dilemma });
    expect(res.status).toBe(302);

    const publicUrl = `/r/${region.slug}/publication/${h.harvest.slug}`;
    expect((await new TestClient(s.url).get(publicUrl)).status).toBe(404);
    res = await organiser.post(page, { _intent: "publish" });
    expect(location(res)).toContain("done=published");
    const visitor = new TestClient(s.url);
    const pub = await visitor.get(publicUrl);
    expect(pub.status).toBe(200);
    const pubHtml = await pub.text();
    expect(pubHtml).toContain("Samenwerken aan een lerende regio");
    expect(pubHtml).toContain("Samenvatting van de leercultuur");
    expect(pubHtml).toContain("Tijd voor leren gaat ten koste van de zorg");
    // The appendix, and every text as text.
    expect(pubHtml).toContain("Losse gedachte zonder thema");
    expect(pubHtml).not.toContain("<script>alert(1)</script>");
    expect(pubHtml).toContain("&lt;script&gt;");
    const regionPage = await (await visitor.get(`/r/${region.slug}`)).text();
    expect(regionPage).toContain(publicUrl);
    const english = await visitor.get(publicUrl, { "Accept-Language": "en" });
    expect(await english.text()).toContain("Appendix: all contributions");
    await organiser.post(page, { _intent: "unpublish" });
    expect((await visitor.get(publicUrl)).status).toBe(404);
  });

  it("shows a large appendix one theme and one page at a time", async () => {
    const big = await s.db
      .insertInto("harvests")
      .values({ region_id: region.id, slug: "groot", title: "Groot", publication_public: true })
      .returning("id")
      .executeTakeFirstOrThrow();
    const theme = await s.db
      .insertInto("harvest_themes")
      .values({ harvest_id: big.id, label: "Alles" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await s.db
      .insertInto("contributions")
      .values(
        Array.from({ length: 1600 }, (_, i) => ({
          harvest_id: big.id,
          region_id: region.id,
          text: `Rij ${String(i).padStart(4, "0")}`,
          origin: "manual" as const,
          theme_id: i < 1550 ? theme.id : null,
        })),
      )
      .execute();
    const url = `/r/${region.slug}/publication/groot`;
    const visitor = new TestClient(s.url);
    const first = await (await visitor.get(url)).text();
    expect(first).toContain("kies een thema om zijn bijdragen te zien");
    expect(first).toContain(`?bijlage=${theme.id}#pub-appendix`);
    // Rows written in one statement share their moment, so count them rather than name them.
    const rows = (html: string) =>
      (html.match(/<td class="utrecht-table__cell">Rij \d{4}<\/td>/g) ?? []).length;
    const page1 = await (await visitor.get(`${url}?bijlage=${theme.id}`)).text();
    expect(rows(page1)).toBe(500);
    expect(page1).toContain("Pagina 1 van 4");
    const page4 = await (await visitor.get(`${url}?bijlage=${theme.id}&pagina=99`)).text();
    expect(page4).toContain("Pagina 4 van 4");
    expect(rows(page4)).toBe(50);
    const rest = await (await visitor.get(`${url}?bijlage=overig`)).text();
    expect(rows(rest)).toBe(50);
    expect(rows(first)).toBe(0);
  });

  it("downloads the publication as Word and PDF in both languages", async () => {
    const page = `${base}/harvest/${h.harvest.id}/publication`;
    const docx = await organiser.get(`${page}.docx?lang=en`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("Content-Type")).toContain("wordprocessingml");
    expect(docx.headers.get("Content-Disposition")).toContain(
      "publication-ontwikkelsessies-2021-en.docx",
    );
    const zip = await JSZip.loadAsync(await docx.arrayBuffer());
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain("Leercultuur");
    expect(xml).toContain("Appendix: all contributions");
    // Word's properties name the region, not "Un-named", and the text's language is English.
    const core = await zip.file("docProps/core.xml")!.async("string");
    const { name } = await s.db
      .selectFrom("regions")
      .select("name")
      .where("id", "=", region.id)
      .executeTakeFirstOrThrow();
    expect(core).toContain(`<dc:creator>${name}</dc:creator>`);
    expect(core).toContain(`<cp:lastModifiedBy>${name}</cp:lastModifiedBy>`);
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toMatch(/<w:lang w:val="en-GB"/);
    const pdf = await organiser.get(`${page}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.headers.get("Content-Disposition")).toContain(
      "publicatie-ontwikkelsessies-2021-nl.pdf",
    );
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });
});

describe("actions, coalitions and the trace", () => {
  it("makes an action from a theme, notes progress, and shows the contributions behind it and where one ended up", async () => {
    let res = await organiser.post(`${base}/actions`, {
      _intent: "create",
      themeId: h.themes.culture,
      title: "Leerdag per maand",
      status: "running",
      startsOn: "2025-01-01",
      endsOn: "2024-01-01",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("De einddatum ligt voor de begindatum.");
    res = await organiser.post(`${base}/actions`, {
      _intent: "create",
      themeId: h.themes.culture,
      title: "Leerdag per maand",
      status: "running",
      startsOn: "2025-01-01",
    });
    expect(res.status).toBe(302);
    const actionUrl = location(res).replace(/\?.*$/, "");
    const actionId = actionUrl.split("/").pop()!;
    const detail = await organiser.get(actionUrl);
    expect(detail.status).toBe(200);
    expect(await detail.text()).toContain("Bijdragen hierachter (2)");
    res = await organiser.post(actionUrl, { _intent: "note", note: "Eerste leerdag gehouden" });
    expect(res.status).toBe(302);
    // A single contribution of the other theme, linked from its trace page.
    const trace = `${base}/harvest/${h.harvest.id}/trace/${h.contributions.idea}`;
    res = await organiser.post(trace, { actionId });
    expect(res.status).toBe(302);
    const behind = await organiser.get(`${actionUrl}/contributions`);
    const behindHtml = await behind.text();
    expect(behindHtml).toContain("Stages die écht aansluiten bij de praktijk");
    expect(behindHtml).toContain("Tijd voor leren gaat ten koste van de zorg");
    const traced = await (await organiser.get(trace)).text();
    expect(traced).toContain("Waar is deze bijdrage terechtgekomen?");
    expect(traced).toContain("Leerdag per maand");
    expect(traced).toContain("rechtstreeks gekoppeld");

    const list = await (await organiser.get(`${base}/actions`)).text();
    expect(list).toContain("Loopt (1)");
    expect(list).toContain("Leerdag per maand");

    // A coalition for the action, with its mix as a table of what is there and what is missing.
    res = await organiser.post(`${base}/coalitions`, {
      _intent: "create",
      title: "Leren in de zorg",
      leadName: "Erna",
      actionId,
    });
    expect(res.status).toBe(302);
    const coalitionUrl = location(res).replace(/\?.*$/, "");
    res = await organiser.post(coalitionUrl, {
      _intent: "addMember",
      name: "Jan",
      sector: "hbo",
      perspective: "research",
    });
    expect(res.status).toBe(302);
    const coalition = await (await organiser.get(coalitionUrl)).text();
    expect(coalition).toContain("Leden per sector");
    expect(coalition).toContain("Bewonersinitiatief");
    expect(coalition).toContain("ontbreekt");

    // The public agenda: only once published; people express interest with a form.
    const agenda = `/r/${region.slug}/agenda/actions`;
    const visitor = new TestClient(s.url);
    expect((await visitor.get(agenda)).status).toBe(404);
    await organiser.post(`${base}/actions`, { _intent: "agendaOn", harvestId: h.harvest.id });
    const open = await visitor.get(agenda);
    expect(open.status).toBe(200);
    const openHtml = await open.text();
    expect(openHtml).toContain("Leerdag per maand");
    expect(openHtml).toContain("Eerste leerdag gehouden");
    expect(openHtml).toContain("Ik wil meedoen");
    expect(openHtml).not.toContain("Jan");
    const coalitionId = coalitionUrl.split("/").pop()!;
    const form = await (await visitor.get(`${agenda}?join=${coalitionId}`)).text();
    expect(form).toContain('name="website"');
    expect(form).toContain('name="consent"');

    res = await visitor.post(agenda, { coalitionId, name: "", email: "geen", website: "" });
    expect(res.status).toBe(400);
    const errors = await res.text();
    expect(errors).toContain("Vul dit veld in.");
    expect(errors).toContain("Vul een geldig e-mailadres in");
    expect(errors).toContain("Geef toestemming");
    res = await visitor.post(agenda, {
      coalitionId,
      name: "Bot",
      website: "http://spam.example",
      consent: "on",
    });
    expect(location(res)).toContain("thanks");
    res = await visitor.post(agenda, {
      coalitionId,
      name: "Fatima",
      email: "fatima@example.org",
      sector: "residents",
      perspective: "living",
      consent: "on",
      website: "",
    });
    expect(location(res)).toContain("thanks");
    const members = await s.db
      .selectFrom("coalition_members")
      .select(["name", "status"])
      .where("coalition_id", "=", coalitionId)
      .orderBy("name")
      .execute();
    expect(members).toEqual([
      { name: "Fatima", status: "interested" },
      { name: "Jan", status: "member" },
    ]);
    const waiting = await (await organiser.get(coalitionUrl)).text();
    expect(waiting).toContain("Fatima");

    // Five a minute from one client: the sixth gets a message and is not stored.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await visitor.post(agenda, { coalitionId, name: `Flood ${i}`, consent: "on" });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([302, 302, 429]);
    const flooded = await visitor.post(agenda, { coalitionId, name: "Flood 3", consent: "on" });
    expect(flooded.status).toBe(429);
    expect(await flooded.text()).toContain("Je hebt net al vaak een formulier verstuurd.");
  });

  it("answers 404 to another region's organiser and 403 to a facilitator of this region", async () => {
    const other = await makeScope(s.db, "organiser");
    const stranger = new TestClient(s.url);
    await stranger.signIn(other.user.email, TEST_PASSWORD);
    const action = await s.db
      .insertInto("actions")
      .values({ region_id: region.id, harvest_id: h.harvest.id, title: "Geheime actie" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const coalition = await s.db
      .insertInto("coalitions")
      .values({ region_id: region.id, title: "Geheime coalitie" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const otherBase = `/manage/${other.region.slug}`;
    const urls = [
      `${otherBase}/harvest/${h.harvest.id}/publication`,
      `${otherBase}/harvest/${h.harvest.id}/publication.docx`,
      `${otherBase}/harvest/${h.harvest.id}/publication.pdf`,
      `${otherBase}/harvest/${h.harvest.id}/publication/themes/${h.themes.culture}`,
      `${otherBase}/harvest/${h.harvest.id}/trace/${h.contributions.dream}`,
      `${otherBase}/actions/${action.id}`,
      `${otherBase}/actions/${action.id}/contributions`,
      `${otherBase}/coalitions/${coalition.id}`,
      `${base}/actions`,
      `${base}/coalitions`,
    ];
    for (const url of urls) {
      const got = await stranger.get(url);
      expect(got.status, url).toBe(404);
      expect(await got.text()).not.toContain("Geheime");
      const posted = await stranger.post(url, { _intent: "delete" });
      expect([404, 405], url).toContain(posted.status);
    }
    expect(
      await s.db.selectFrom("actions").select("id").where("id", "=", action.id).executeTakeFirst(),
    ).toBeDefined();

    const facilitator = await makeUser(s.db);
    await s.db
      .insertInto("memberships")
      .values({ user_id: facilitator.id, region_id: region.id, role: "facilitator" })
      .execute();
    const client = new TestClient(s.url);
    await client.signIn(facilitator.email, TEST_PASSWORD);
    expect((await client.get(`${base}/harvest/${h.harvest.id}/publication`)).status).toBe(403);
    expect((await client.get(`${base}/actions`)).status).toBe(403);
  });
});
