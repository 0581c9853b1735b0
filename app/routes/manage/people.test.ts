import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPerson } from "../../../core/people/addPerson.ts";
import { createOrganisation } from "../../../core/people/createOrganisation.ts";
import { getOrganisation, getPerson } from "../../../core/people/queries.ts";
import type { RegionScope, Role } from "../../../core/kernel/scope.ts";
import { TestClient } from "../../../test/client.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../../test/server.ts";

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

async function person(input: Record<string, unknown>, inScope: RegionScope = scope) {
  const result = await addPerson(inScope, input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.id;
}

async function organisation(name: string, sector: string, inScope: RegionScope = scope) {
  const result = await createOrganisation(inScope, { name, sector });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.id;
}

/** A user with `role` in the organiser's region, signed in. */
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

const base = () => `/manage/${region.slug}`;

describe("organisations", () => {
  it("shows field messages for bad input and keeps what was typed; a duplicate name is a field message", async () => {
    await organisation("Hogeschool Arnhem en Nijmegen", "hbo");
    const bad = await organiser.post(`${base()}/organisations/new`, {
      name: "",
      sector: "",
      website: "not a website at all",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Vul dit veld in.");
    expect(html).toContain("Kies een van de mogelijkheden.");
    expect(html).toContain("Vul een webadres in, zoals www.voorbeeld.nl.");
    expect(html).toContain('value="not a website at all"');
    expect(html).toMatch(/aria-invalid="true"/);

    const dup = await organiser.post(`${base()}/organisations/new`, {
      name: "hogeschool arnhem en nijmegen",
      sector: "hbo",
    });
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain("Er is in deze regio al een organisatie met deze naam.");
  });

  it("adds, edits and deletes an organisation through the forms", async () => {
    const created = await organiser.post(`${base()}/organisations/new`, {
      name: "Buurtteam Presikhaaf",
      sector: "social",
      website: "presikhaaf.example.org",
    });
    expect(created.status).toBe(302);
    const page = created.headers.get("Location")!;
    const id = page.split("/").pop()!.split("?")[0]!;
    const shown = await (await organiser.get(page)).text();
    expect(shown).toContain("De organisatie is toegevoegd.");
    expect(shown).toContain("https://presikhaaf.example.org");

    const edited = await organiser.post(`${base()}/organisations/${id}`, {
      _intent: "save",
      name: "Buurtteam Presikhaaf-Oost",
      sector: "social",
      website: "",
    });
    expect(edited.status).toBe(302);
    const list = await (await organiser.get(`${base()}/organisations`)).text();
    expect(list).toContain("Buurtteam Presikhaaf-Oost");

    const unconfirmed = await organiser.post(`${base()}/organisations/${id}`, {
      _intent: "delete",
    });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain(
      "Vink aan dat je deze organisatie wilt verwijderen.",
    );
    const deleted = await organiser.post(`${base()}/organisations/${id}`, {
      _intent: "delete",
      confirm: "on",
    });
    expect(deleted.status).toBe(302);
    expect(await (await organiser.get(deleted.headers.get("Location")!)).text()).toContain(
      "De organisatie is verwijderd.",
    );
    expect((await organiser.get(`${base()}/organisations/${id}`)).status).toBe(404);
  });
});

describe("people", () => {
  it("shows field messages when a person is added with bad input, and saves good input", async () => {
    const bad = await organiser.post(`${base()}/people/new`, {
      name: "",
      email: "anna-at-example",
      "perspectives[]": ["work"],
      expertise: "zorg",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Niet alles is goed ingevuld.");
    expect(html).toContain("Vul dit veld in.");
    expect(html).toContain("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");
    expect(html).toContain('value="anna-at-example"');
    const box = (value: string) =>
      new RegExp(`<input[^>]*id="field-perspectives-${value}"[^>]*>`).exec(html)?.[0];
    expect(box("work")).toContain('checked=""');
    expect(box("policy")).not.toContain("checked");

    const good = await organiser.post(`${base()}/people/new`, {
      name: "Anna Bakker",
      email: "anna.bakker@example.org",
      "perspectives[]": ["work", "policy"],
      expertise: "zorg, wijkaanpak",
    });
    expect(good.status).toBe(302);
    const page = await (await organiser.get(good.headers.get("Location")!)).text();
    expect(page).toContain("De persoon is toegevoegd.");
    expect(page).toContain("Anna Bakker");
    expect(page).toContain("anna.bakker@example.org");
    expect(page).toContain("Werk, Beleid");

    const again = await organiser.post(`${base()}/people/new`, {
      name: "Anna B.",
      email: "ANNA.BAKKER@example.org",
    });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Er is in deze regio al iemand met dit e-mailadres.");
  });

  it("searches and filters the list with a plain GET form", async () => {
    const org = await organisation("Techniekcollege", "mbo");
    await person({ name: "Zoë Zoekbaar", organisationId: org, perspectives: ["education"] });
    await person({ name: "Yusuf Anders", expertise: "zoekmachines" });
    const byName = await (await organiser.get(`${base()}/people?q=zo%C3%AB`)).text();
    expect(byName).toContain("Zoë Zoekbaar");
    expect(byName).not.toContain("Yusuf Anders");
    expect(byName).toContain("1 persoon gevonden.");
    const byExpertise = await (await organiser.get(`${base()}/people?q=zoekmachine`)).text();
    expect(byExpertise).toContain("Yusuf Anders");
    expect(byExpertise).not.toContain("Zoë Zoekbaar");
    const bySector = await (await organiser.get(`${base()}/people?sector=mbo`)).text();
    expect(bySector).toContain("Zoë Zoekbaar");
    expect(bySector).not.toContain("Yusuf Anders");
    const none = await (
      await organiser.get(`${base()}/people?perspective=living&q=zo%C3%AB`)
    ).text();
    expect(none).toContain("Niemand gevonden.");
  });

  it("previews an import with row errors, saves nothing until confirmed, then imports", async () => {
    const csv = [
      "naam;e-mail;organisatie;sector;perspectieven;expertise",
      "Import Een;import.een@example.org;Importbedrijf;Bedrijf;Werk;logistiek",
      'Import Twee;;Importbedrijf;;Onderzoek, Beleid;"data; AI"',
      ";zonder.naam@example.org;;;;",
      "Import Drie;geen-adres;;kermis;;",
    ].join("\r\n");
    const upload = new FormData();
    upload.set("_intent", "preview");
    upload.set("file", new Blob([csv], { type: "text/csv" }), "mensen.csv");
    const preview = await organiser.post(`${base()}/people/import`, upload);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("Er is nog niets opgeslagen.");
    expect(html).toContain("2 mensen worden toegevoegd.");
    expect(html).toContain("2 rijen hebben een fout en worden overgeslagen.");
    expect(html).toContain("1 nieuwe organisatie wordt aangemaakt:");
    expect(html).toMatch(/<th[^>]*>4<\/th>.*Vul dit veld in\./s);
    expect(html).toContain("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");
    expect(html).toContain("‘kermis’ is geen sector die we kennen.");
    expect(html).toContain("Importeer 2 mensen");

    const before = await (await organiser.get(`${base()}/people?q=import`)).text();
    expect(before).toContain("0 mensen gevonden.");
    expect(await getOrganisationByName("Importbedrijf")).toBeUndefined();

    // Confirm the way the browser does: the preview's hidden field carries the file back.
    const carried = hiddenValue(html, "csv");
    expect(carried?.replace(/\r\n/g, "\n")).toBe(csv.replace(/\r\n/g, "\n"));
    const confirm = new FormData();
    confirm.set("_intent", "confirm");
    confirm.set("csv", carried!);
    const done = await organiser.post(`${base()}/people/import`, confirm);
    expect(done.status).toBe(302);
    const list = await (await organiser.get(done.headers.get("Location")!)).text();
    expect(list).toContain("Import klaar: 2 toegevoegd, 0 bijgewerkt, 2 overgeslagen.");
    const after = await (await organiser.get(`${base()}/people?q=import`)).text();
    expect(after).toContain("Import Een");
    expect(after).toContain("Import Twee");
    expect(after).toContain("data, AI");
    expect(after).not.toContain("Import Drie");
    expect(await getOrganisationByName("Importbedrijf")).toMatchObject({ sector: "company" });
  });

  it("says so when the file is not usable, and when nothing was chosen", async () => {
    const noColumn = new FormData();
    noColumn.set("_intent", "preview");
    noColumn.set("csv", "email;organisatie\na@example.org;X");
    const res = await organiser.post(`${base()}/people/import`, noColumn);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Er is geen kolom ‘naam’ gevonden.");
    expect(html).toContain("email;organisatie");

    const nothing = new FormData();
    nothing.set("_intent", "preview");
    nothing.set("file", new Blob([]), "");
    const empty = await organiser.post(`${base()}/people/import`, nothing);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Kies een CSV-bestand of plak de inhoud in het tekstvak.");
  });

  it("exports the people as CSV and XLSX, with headers in the user's language", async () => {
    await person({ name: "Export Persoon", email: "export@example.org", expertise: "excel" });
    const csv = await organiser.get(`${base()}/people/export.csv?q=export`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toMatch(
      new RegExp(`^attachment; filename="mensen-${region.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"`),
    );
    expect(csv.headers.get("Cache-Control")).toBe("no-store");
    const body = await csv.text();
    expect(body).toContain("Naam;E-mail;Organisatie;Sector;Perspectieven;Expertise");
    expect(body).toContain("Export Persoon;export@example.org;;;;excel");
    expect(body).not.toContain("Anna Bakker");

    const english = new TestClient(s.url);
    const user = await makeUser(s.db);
    await s.db
      .insertInto("memberships")
      .values({ user_id: user.id, region_id: region.id, role: "organiser" })
      .execute();
    await english.signIn(user.email, TEST_PASSWORD);
    await english.post("/language", { lang: "en", redirectTo: "/" });
    const xlsx = await english.get(`${base()}/people/export.xlsx?q=export`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(xlsx.headers.get("Content-Disposition")).toMatch(/filename="people-.*\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Name");
    expect(sheet.getRow(2).getCell(1).value).toBe("Export Persoon");
    expect(sheet.getRow(2).getCell(2).value).toBe("export@example.org");
  });

  it("merges a duplicate: the chosen one stays, filled in from the other, the other is gone", async () => {
    const org = await organisation("Mergecollege", "mbo");
    const keep = await person({ name: "Merel Samen", perspectives: ["work"], expertise: "zorg" });
    const dup = await person({
      name: "merel samen",
      email: "merel@example.org",
      organisationId: org,
      perspectives: ["education"],
      expertise: "onderwijs",
    });
    const choose = await (await organiser.get(`${base()}/people/${keep}/merge`)).text();
    expect(choose).toContain("Mogelijk dezelfde persoon");
    expect(choose).toContain(`/people/${keep}/merge?other=${dup}`);
    const compare = await (
      await organiser.get(`${base()}/people/${keep}/merge?other=${dup}`)
    ).text();
    expect(compare).toContain("Wie blijft?");
    expect(compare).toContain("merel@example.org");

    const merged = await organiser.post(`${base()}/people/${keep}/merge`, {
      other: dup,
      keep,
    });
    expect(merged.status).toBe(302);
    expect(merged.headers.get("Location")).toBe(`${base()}/people/${keep}?merged=1`);
    const page = await (await organiser.get(merged.headers.get("Location")!)).text();
    expect(page).toContain("De gegevens zijn samengevoegd.");
    expect(page).toContain("Merel Samen");
    expect(page).toContain("merel@example.org");
    expect(page).toContain("Mergecollege");
    expect(page).toContain("Werk, Onderwijs en studie");
    expect(page).toContain("onderwijs");
    expect((await organiser.get(`${base()}/people/${dup}`)).status).toBe(404);
  });

  it("downloads all data about a person, and erases it only when confirmed", async () => {
    const id = await person({
      name: "Eline Wissen",
      email: "eline@example.org",
      perspectives: ["living"],
      expertise: "buurtwerk",
    });
    const json = await organiser.get(`${base()}/people/${id}/export.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get("Content-Disposition")).toBe(
      `attachment; filename="persoonsgegevens-${id}.json"; filename*=UTF-8''persoonsgegevens-${id}.json`,
    );
    expect(await json.json()).toMatchObject({
      region: { name: region.name },
      person: { name: "Eline Wissen", email: "eline@example.org", expertise: ["buurtwerk"] },
    });

    const unconfirmed = await organiser.post(`${base()}/people/${id}`, { _intent: "erase" });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Vink aan dat je de gegevens wilt wissen.");
    expect((await getPerson(scope, id))?.name).toBe("Eline Wissen");

    const erased = await organiser.post(`${base()}/people/${id}`, {
      _intent: "erase",
      confirm: "on",
    });
    expect(erased.status).toBe(302);
    const page = await (await organiser.get(`${base()}/people/${id}`)).text();
    expect(page).toContain("Geanonimiseerde persoon");
    expect(page).toContain("De persoonsgegevens zijn gewist op");
    expect(page).not.toContain("Eline");
    expect(page).not.toContain("eline@example.org");
    expect(page).not.toContain("buurtwerk");
    const list = await (await organiser.get(`${base()}/people`)).text();
    expect(list).not.toContain(`/people/${id}"`);
    const withErased = await (await organiser.get(`${base()}/people?erased=on`)).text();
    expect(withErased).toContain(`/people/${id}"`);
  });
});

describe("who may do what", () => {
  it("lets facilitators read people but change nothing; members see organisations only", async () => {
    const id = await person({ name: "Rol Test" });
    const facilitator = await memberWith("facilitator");
    const list = await facilitator.get(`${base()}/people`);
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain("Rol Test");
    expect(html).not.toContain("Persoon toevoegen");
    expect(html).not.toContain("export.csv");
    const page = await (await facilitator.get(`${base()}/people/${id}`)).text();
    expect(page).not.toContain("Gegevens bewerken");
    expect(page).not.toContain("Persoonsgegevens wissen");
    expect((await facilitator.post(`${base()}/people/new`, { name: "X" })).status).toBe(403);
    expect((await facilitator.post(`${base()}/people/${id}`, { name: "X" })).status).toBe(403);
    expect((await facilitator.get(`${base()}/people/export.csv`)).status).toBe(403);
    expect((await facilitator.get(`${base()}/people/${id}/export.json`)).status).toBe(403);
    expect((await getPerson(scope, id))?.name).toBe("Rol Test");

    const member = await memberWith("member");
    expect((await member.get(`${base()}/organisations`)).status).toBe(200);
    expect((await member.get(`${base()}/people`)).status).toBe(403);
    expect((await member.get(`${base()}/people/${id}`)).status).toBe(403);
  });

  it("answers 404 for another region's organisation and person ids, on GET and on POST", async () => {
    const b = await makeScope(s.db, "organiser");
    const theirOrg = await organisation("Organisatie van B", "company", b.scope);
    const theirPerson = await person({ name: "Persoon van B", email: "b@example.org" }, b.scope);
    const mine = await person({ name: "Persoon van A" });
    const missing = "00000000-0000-4000-8000-000000000000";

    for (const id of [theirOrg, missing, "not-an-id"]) {
      expect((await organiser.get(`${base()}/organisations/${id}`)).status).toBe(404);
      const posts: Record<string, string>[] = [
        { _intent: "save", name: "Overgenomen", sector: "company" },
        { _intent: "delete", confirm: "on" },
      ];
      for (const fields of posts) {
        expect((await organiser.post(`${base()}/organisations/${id}`, fields)).status).toBe(404);
      }
    }
    for (const id of [theirPerson, missing, "not-an-id"]) {
      for (const path of [`/people/${id}`, `/people/${id}/merge`, `/people/${id}/export.json`]) {
        const res = await organiser.get(base() + path);
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain("Persoon van B");
      }
      expect(
        (await organiser.post(`${base()}/people/${id}`, { _intent: "save", name: "Overgenomen" }))
          .status,
      ).toBe(404);
      expect(
        (await organiser.post(`${base()}/people/${id}`, { _intent: "erase", confirm: "on" }))
          .status,
      ).toBe(404);
      expect(
        (await organiser.post(`${base()}/people/${id}/merge`, { other: mine, keep: mine })).status,
      ).toBe(404);
      // Nor can their person be pulled into a merge from our side.
      expect((await organiser.get(`${base()}/people/${mine}/merge?other=${id}`)).status).toBe(404);
      expect(
        (await organiser.post(`${base()}/people/${mine}/merge`, { other: id, keep: mine })).status,
      ).toBe(404);
    }
    // Nor linked to one of our people.
    const linked = await organiser.post(`${base()}/people/new`, {
      name: "Koppeling",
      organisationId: theirOrg,
    });
    expect(linked.status).toBe(400);

    expect(await getOrganisation(b.scope, theirOrg)).toMatchObject({ name: "Organisatie van B" });
    expect(await getPerson(b.scope, theirPerson)).toMatchObject({
      name: "Persoon van B",
      email: "b@example.org",
      erasedAt: null,
    });
    expect(await getPerson(scope, mine)).toMatchObject({ name: "Persoon van A" });
  });
});

async function getOrganisationByName(name: string) {
  return s.db
    .selectFrom("organisations")
    .select(["id", "sector"])
    .where("region_id", "=", region.id)
    .where("name", "=", name)
    .executeTakeFirst();
}
