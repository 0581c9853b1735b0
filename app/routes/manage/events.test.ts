import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicAgenda } from "../../../core/events/publicPages.ts";
import { eventFigures } from "../../../core/events/queries.ts";
import { register } from "../../../core/events/register.ts";
import { toLocalInput } from "../../../core/kernel/time.ts";
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

const DAY = 24 * 3600 * 1000;
const base = () => `/manage/${region.slug}/events`;

/** Text of a page without tags, so sentences split over elements can be matched. */
const plain = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

function eventForm(over: Record<string, string> = {}) {
  const start = new Date(Date.now() + 10 * DAY);
  return {
    title: "Kennissessie lerende regio",
    kind: "knowledge_session",
    language: "nl",
    mode: "on_site",
    address: "Ruitenberglaan 26, Arnhem",
    room: "A.1.01",
    startsAt: toLocalInput(start),
    endsAt: toLocalInput(new Date(start.getTime() + 2 * 3600 * 1000)),
    capacity: "40",
    waitlist: "on",
    reminderDays: "2",
    ...over,
  };
}

/** An event made through the form; returns its id. */
async function newEvent(over: Record<string, string> = {}, client = organiser, at = base()) {
  await client.get(`${at}/new`);
  const res = await client.post(`${at}/new`, eventForm(over));
  expect(res.status).toBe(302);
  const location = res.headers.get("Location")!;
  expect(location).toMatch(/\?done=created$/);
  return location.split("/").pop()!.split("?")[0]!;
}

async function publish(id: string) {
  const res = await organiser.post(`${base()}/${id}`, { _intent: "publish" });
  expect(res.status).toBe(302);
}

const opts = () => ({ publicUrl: s.url, language: "nl" as const });

async function registerPerson(eventId: string, i: number, over: Record<string, string> = {}) {
  const r = await register(
    s.db,
    eventId,
    {
      name: `Deelnemer ${i}`,
      email: `deelnemer${i}-${eventId.slice(0, 8)}@example.org`,
      sector: "hbo",
      consent: "on",
      ...over,
    },
    opts(),
  );
  if (!r.ok || !("registrationId" in r.value)) throw new Error(JSON.stringify(r));
  return r.value.registrationId;
}

async function eventRow(id: string) {
  return s.db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function outbox(subjectLike: string) {
  return s.db
    .selectFrom("outbox")
    .select(["to_address", "subject", "body_text"])
    .where("region_id", "=", region.id)
    .where("subject", "like", subjectLike)
    .orderBy("to_address")
    .execute();
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

describe("planning an event", () => {
  it("creates, edits and publishes an event through the forms; then the public agenda shows it", async () => {
    const id = await newEvent({ title: "Werkplaats wonen en zorg", kind: "workshop" });
    const page = await (await organiser.get(`${base()}/${id}?done=created`)).text();
    expect(page).toContain("De bijeenkomst is aangemaakt als concept.");
    expect(page).toContain("Status: Concept");
    expect(page).toContain('value="Werkplaats wonen en zorg"');
    expect(page).toMatch(/type="datetime-local"[^>]*value="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"/);
    expect((await publicAgenda(s.db, region.id)).map((e) => e.id)).not.toContain(id);

    const start = new Date(Date.now() + 20 * DAY);
    const saved = await organiser.post(`${base()}/${id}`, {
      _intent: "save",
      ...eventForm({
        title: "Werkplaats wonen, zorg en werk",
        kind: "workshop",
        mode: "hybrid",
        onlineUrl: "https://meet.example.org/werkplaats",
        startsAt: toLocalInput(start),
        endsAt: toLocalInput(new Date(start.getTime() + 3 * 3600 * 1000)),
        capacity: "",
        invitationOnly: "",
        reminderDays: "",
        followUpUrl: "https://example.org/uitkomsten",
      }),
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`${base()}/${id}?done=saved#edit`);
    const row = await eventRow(id);
    expect(row).toMatchObject({
      title: "Werkplaats wonen, zorg en werk",
      mode: "hybrid",
      online_url: "https://meet.example.org/werkplaats",
      capacity: null,
      reminder_days: null,
      follow_up_url: "https://example.org/uitkomsten",
      status: "draft",
    });
    expect(toLocalInput(row.starts_at)).toBe(toLocalInput(start));

    await publish(id);
    const agenda = await publicAgenda(s.db, region.id);
    expect(agenda.find((e) => e.id === id)).toMatchObject({
      title: "Werkplaats wonen, zorg en werk",
      status: "published",
    });
    const list = plain(await (await organiser.get(base())).text());
    expect(list).toContain("Werkplaats wonen, zorg en werk");
    expect(list).toContain("Gepubliceerd");
    expect(list).toContain("0 (geen maximum)");

    const back = await organiser.post(`${base()}/${id}`, { _intent: "draft" });
    expect(back.status).toBe(302);
    expect((await publicAgenda(s.db, region.id)).map((e) => e.id)).not.toContain(id);
  });

  it("refuses invalid input with a message at the field, and changes nothing", async () => {
    const id = await newEvent({ title: "Ongewijzigde bijeenkomst" });
    const before = JSON.stringify(await eventRow(id));
    const start = new Date(Date.now() + 5 * DAY);
    const cases: [Record<string, string>, string, string][] = [
      [
        {
          startsAt: toLocalInput(start),
          endsAt: toLocalInput(new Date(start.getTime() - 3600 * 1000)),
        },
        "endsAt",
        "Het einde moet na het begin liggen.",
      ],
      [
        { mode: "online", onlineUrl: "javascript:alert(1)" },
        "onlineUrl",
        "Vul een webadres in dat begint met https://.",
      ],
      [{ followUpUrl: "geen link" }, "followUpUrl", "Vul een webadres in dat begint met https://."],
      [
        { capacity: "0" },
        "capacity",
        "Vul een heel getal in tot en met 100000, of laat het veld leeg.",
      ],
      [{ title: "x".repeat(201) }, "title", "Gebruik hoogstens 200 tekens."],
      [{ startsAt: "2026-02-31T10:00" }, "startsAt", "Vul een datum en tijd in"],
    ];
    for (const [over, field, message] of cases) {
      const res = await organiser.post(`${base()}/${id}`, { _intent: "save", ...eventForm(over) });
      expect(res.status, field).toBe(400);
      const html = await res.text();
      expect(html, field).toContain("Niet alles is goed ingevuld.");
      expect(plain(html), field).toContain(message);
      expect(html, field).toMatch(
        new RegExp(
          `id="field-${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-${field}"`,
        ),
      );
    }
    expect(JSON.stringify(await eventRow(id))).toBe(before);

    const count = async () =>
      (
        await s.db
          .selectFrom("events")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("region_id", "=", region.id)
          .executeTakeFirstOrThrow()
      ).n;
    const n = await count();
    const refused = await organiser.post(`${base()}/new`, eventForm({ capacity: "0", title: "" }));
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Vul dit veld in.");
    expect(await count()).toBe(n);
  });

  it("duplicates an event a week later as a draft, without its registrations", async () => {
    const id = await newEvent({ title: "Ontwikkelsessie 1" });
    await organiser.post(`${base()}/${id}`, {
      _intent: "addQuestion",
      label: "Welk thema?",
      kind: "choice",
      options: "Wonen\nWerk",
    });
    await publish(id);
    await registerPerson(id, 1);
    const res = await organiser.post(`${base()}/${id}`, { _intent: "duplicate" });
    expect(res.status).toBe(302);
    const location = res.headers.get("Location")!;
    expect(location).toMatch(new RegExp(`^${base()}/[0-9a-f-]{36}\\?done=duplicated$`));
    const copyId = location.split("/").pop()!.split("?")[0]!;
    expect(copyId).not.toBe(id);
    const [original, copy] = [await eventRow(id), await eventRow(copyId)];
    expect(copy).toMatchObject({ title: "Ontwikkelsessie 1 (kopie)", status: "draft" });
    expect(new Date(copy.starts_at).getTime() - new Date(original.starts_at).getTime()).toBe(
      7 * DAY,
    );
    expect(copy.questions).toEqual(original.questions);
    expect(await eventFigures(scope, copyId)).toMatchObject({ confirmed: 0, waitlisted: 0 });
    const page = await (await organiser.get(location)).text();
    expect(page).toContain("Dit is de kopie, een week later, als concept.");
    expect(page).toContain("Welk thema?");
  });

  it("closes registration early so that register() refuses, and opens it again", async () => {
    const id = await newEvent({ title: "Netwerkborrel" });
    await publish(id);
    const closed = await organiser.post(`${base()}/${id}`, { _intent: "closeRegistration" });
    expect(closed.status).toBe(302);
    expect(plain(await (await organiser.get(closed.headers.get("Location")!)).text())).toContain(
      "De aanmelding is gesloten.",
    );
    const refused = await register(
      s.db,
      id,
      { name: "Te Laat", email: "telaat@example.org", consent: "on" },
      opts(),
    );
    expect(refused).toMatchObject({ ok: false, error: { key: "events.closed" } });
    await organiser.post(`${base()}/${id}`, { _intent: "openRegistration" });
    expect(
      (
        await register(
          s.db,
          id,
          { name: "Op Tijd", email: "optijd@example.org", consent: "on" },
          opts(),
        )
      ).ok,
    ).toBe(true);
  });

  it("adds and removes registration questions, and makes invitation links shown once", async () => {
    const id = await newEvent({ title: "Besloten sessie", invitationOnly: "on" });
    const bad = await organiser.post(`${base()}/${id}`, {
      _intent: "addQuestion",
      label: "Welke dag?",
      kind: "choice",
      options: "Alleen maandag",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Geef ten minste twee keuzes, elk op een eigen regel.");
    const added = await organiser.post(`${base()}/${id}`, {
      _intent: "addQuestion",
      label: "Kom je met de fiets?",
      kind: "yesno",
    });
    expect(added.status).toBe(302);
    let page = await (await organiser.get(`${base()}/${id}`)).text();
    expect(page).toContain("Kom je met de fiets?");
    const questionId = /name="questionId" value="([^"]+)"/.exec(page)![1]!;
    await organiser.post(`${base()}/${id}`, { _intent: "removeQuestion", questionId });
    expect(await (await organiser.get(`${base()}/${id}`)).text()).not.toContain(
      "Kom je met de fiets?",
    );

    const created = await organiser.post(`${base()}/${id}`, {
      _intent: "createInvitation",
      label: "Bestuurders",
      maxUses: "2",
    });
    expect(created.status).toBe(200);
    const html = await created.text();
    const link = new RegExp(
      `${s.url}/r/${region.slug}/events/besloten-sessie\\?invitation=([A-Za-z0-9_-]+)`,
    ).exec(html);
    expect(link).not.toBeNull();
    expect(html).toContain("hij wordt maar één keer getoond");
    // The token is not on the page afterwards, only the count of its uses.
    page = await (await organiser.get(`${base()}/${id}`)).text();
    expect(page).not.toContain(link![1]!);
    expect(plain(page)).toContain("Bestuurders 0 van 2");

    await publish(id);
    const without = await register(
      s.db,
      id,
      { name: "Zonder", email: "zonder@example.org", consent: "on" },
      opts(),
    );
    expect(without).toMatchObject({ ok: false, error: { key: "events.invitationNeeded" } });
    const withLink = await register(
      s.db,
      id,
      { name: "Met", email: "met@example.org", consent: "on" },
      { ...opts(), invitationToken: decodeURIComponent(link![1]!) },
    );
    expect(withLink.ok).toBe(true);
    expect(plain(await (await organiser.get(`${base()}/${id}`)).text())).toContain(
      "Bestuurders 1 van 2",
    );

    const invitationId = /name="invitationId" value="([^"]+)"/.exec(page)![1]!;
    const revoked = await organiser.post(`${base()}/${id}`, {
      _intent: "revokeInvitation",
      invitationId,
    });
    expect(revoked.status).toBe(302);
    expect(await (await organiser.get(revoked.headers.get("Location")!)).text()).toContain(
      "De uitnodigingslink is ingetrokken.",
    );
  });

  it("cancels an event only when confirmed, and tells everyone registered", async () => {
    const id = await newEvent({ title: "Afgelaste workshop", capacity: "1" });
    await publish(id);
    await registerPerson(id, 1);
    await registerPerson(id, 2);
    const unconfirmed = await organiser.post(`${base()}/${id}`, { _intent: "cancelEvent" });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Vink aan dat je het zeker weet.");
    expect((await eventRow(id)).status).toBe("published");
    const res = await organiser.post(`${base()}/${id}`, { _intent: "cancelEvent", confirm: "on" });
    expect(res.status).toBe(302);
    expect((await eventRow(id)).status).toBe("cancelled");
    const mails = await outbox("Gaat niet door: Afgelaste workshop");
    expect(mails).toHaveLength(2);
    expect(mails[0]!.body_text).toContain("Helaas: Afgelaste workshop gaat niet door.");
    // A second cancel sends nothing more.
    await organiser.post(`${base()}/${id}`, { _intent: "cancelEvent", confirm: "on" });
    expect(await outbox("Gaat niet door: Afgelaste workshop")).toHaveLength(2);
  });
});

describe("registrations", () => {
  it("lists and filters registrations, and the organiser can cancel someone (the waitlist moves up)", async () => {
    const id = await newEvent({ title: "Kleine kring", capacity: "2" });
    await organiser.post(`${base()}/${id}`, {
      _intent: "addQuestion",
      label: "Vegetarisch?",
      kind: "yesno",
    });
    await publish(id);
    const page = await (await organiser.get(`${base()}/${id}`)).text();
    const qid = /name="questionId" value="([^"]+)"/.exec(page)![1]!;
    const first = await registerPerson(id, 1, {
      name: "Anna Eerst",
      organisation: "Gemeente Arnhem",
      sector: "government",
      [`q_${qid}`]: "yes",
      diet: "glutenvrij",
      accessibility: "ringleiding",
    });
    await registerPerson(id, 2, { name: "Bram Tweede", sector: "mbo" });
    await registerPerson(id, 3, { name: "Cas Wacht", sector: "mbo" });
    await registerPerson(id, 4, { name: "Dirk Wacht", sector: "wo" });

    const all = plain(await (await organiser.get(`${base()}/${id}/registrations`)).text());
    expect(all).toContain("4 aanmeldingen gevonden.");
    expect(all).toContain("Anna Eerst");
    expect(all).toContain("Gemeente of andere overheid");
    expect(all).toContain("Vegetarisch?: Ja");
    expect(all).toContain("glutenvrij");
    expect(all).toContain("ringleiding");
    expect(all).toContain("Wachtlijst, nr. 1");
    expect(all).toContain("Wachtlijst, nr. 2");

    const mbo = plain(
      await (await organiser.get(`${base()}/${id}/registrations?sector=mbo`)).text(),
    );
    expect(mbo).toContain("2 aanmeldingen gevonden.");
    expect(mbo).not.toContain("Anna Eerst");
    const waiting = plain(
      await (await organiser.get(`${base()}/${id}/registrations?status=waitlisted&q=dirk`)).text(),
    );
    expect(waiting).toContain("1 aanmelding gevonden.");
    // The place in line is counted over the whole waitlist, whatever the filter.
    expect(waiting).toContain("Wachtlijst, nr. 2");

    const cancelled = await organiser.post(`${base()}/${id}/registrations`, {
      _intent: "cancelRegistration",
      registrationId: first,
    });
    expect(cancelled.status).toBe(302);
    expect(await (await organiser.get(cancelled.headers.get("Location")!)).text()).toContain(
      "de eerste op de wachtlijst kreeg de plaats",
    );
    expect(await eventFigures(scope, id)).toMatchObject({
      confirmed: 2,
      waitlisted: 1,
      cancelled: 1,
    });
    expect(await outbox("Er is een plaats voor je: Kleine kring")).toHaveLength(1);
  });

  it("exports the registrations as CSV and XLSX, with the list's filters and safe cells", async () => {
    const id = await newEvent({ title: "Export sessie" });
    await publish(id);
    await registerPerson(id, 1, { name: "Eva Export", organisation: '=HYPERLINK("x")' });
    await registerPerson(id, 2, { name: "Frank Export", sector: "company" });

    const csv = await organiser.get(`${base()}/${id}/registrations.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="aanmeldingen-export-sessie-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(csv.headers.get("Cache-Control")).toBe("no-store");
    const rows = parseCsv(await csv.text(), { delimiter: ";", bom: true }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(["Naam", "E-mail", "Organisatie", "Sector"]);
    expect(rows).toHaveLength(3);
    const eva = rows.find((r) => r[0] === "Eva Export")!;
    expect(eva[2]).toBe('\'=HYPERLINK("x")');
    expect(eva[3]).toBe("Hogeschool (hbo)");
    expect(eva[8]).toBe("Bevestigd");

    const filtered = await organiser.get(`${base()}/${id}/registrations.csv?sector=company`);
    const only = parseCsv(await filtered.text(), { delimiter: ";", bom: true }) as string[][];
    expect(only.map((r) => r[0])).toEqual(["Naam", "Frank Export"]);

    const english = new TestClient(s.url);
    const user = await makeUser(s.db);
    await s.db
      .insertInto("memberships")
      .values({ user_id: user.id, region_id: region.id, role: "organiser" })
      .execute();
    await english.signIn(user.email, TEST_PASSWORD);
    await english.post("/language", { lang: "en", redirectTo: "/" });
    const xlsx = await english.get(`${base()}/${id}/registrations.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("Content-Disposition")).toMatch(
      /filename="registrations-export-sessie-.*\.xlsx"/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Registrations");
    expect(sheet.getRow(1).getCell(1).value).toBe("Name");
    const names = [2, 3].map((r) => sheet.getRow(r).getCell(1).value);
    expect(names.sort()).toEqual(["Eva Export", "Frank Export"]);
    const evaRow = [2, 3].find((r) => sheet.getRow(r).getCell(1).value === "Eva Export")!;
    expect(sheet.getRow(evaRow).getCell(3).value).toBe('\'=HYPERLINK("x")');
    expect(sheet.getRow(evaRow).getCell(3).formula).toBeUndefined();
    expect(sheet.getRow(evaRow).getCell(9).value).toBe("Confirmed");
  });

  it("sends a message to every registrant, one mail each", async () => {
    const id = await newEvent({ title: "Berichtensessie", capacity: "2" });
    await publish(id);
    for (let i = 1; i <= 3; i++) await registerPerson(id, i);
    const empty = await organiser.post(`${base()}/${id}/registrations`, {
      _intent: "message",
      subject: "",
      body: "",
      audience: "all",
    });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Vul dit veld in.");
    // PostgreSQL text cannot hold a NUL character: a message, not a 500.
    const nul = await organiser.post(`${base()}/${id}/registrations`, {
      _intent: "message",
      subject: "Onderwerp\u0000",
      body: "Tekst",
      audience: "all",
    });
    expect(nul.status).toBe(400);
    expect(await nul.text()).toContain("een teken dat we niet kunnen verwerken");
    const sent = await organiser.post(`${base()}/${id}/registrations`, {
      _intent: "message",
      subject: "Parkeren",
      body: "Parkeer op P2, de slagboom staat open.",
      audience: "all",
    });
    expect(sent.status).toBe(302);
    expect(await (await organiser.get(sent.headers.get("Location")!)).text()).toContain(
      "Het bericht is naar 3 mensen gestuurd.",
    );
    const mails = await outbox("Parkeren · Berichtensessie");
    expect(mails).toHaveLength(3);
    expect(new Set(mails.map((m) => m.to_address)).size).toBe(3);
    expect(mails[0]!.body_text).toContain("Parkeer op P2");
    expect(mails[0]!.body_text).toMatch(/\/registration\/\S+/);

    await organiser.post(`${base()}/${id}/registrations`, {
      _intent: "message",
      subject: "Wachtlijst",
      body: "Nog even geduld.",
      audience: "waitlisted",
    });
    expect(await outbox("Wachtlijst · Berichtensessie")).toHaveLength(1);
  });
});

describe("on the day", () => {
  it("checks people in and out with one tap, and the figures count attendance and no-shows", async () => {
    const id = await newEvent({ title: "Kennissessie op de dag" });
    await publish(id);
    const anna = await registerPerson(id, 1, { name: "Anna Aanwezig", sector: "hbo" });
    await registerPerson(id, 2, { name: "Bert Afwezig", sector: "social" });
    const facilitator = await memberWith("facilitator");
    const path = `${base()}/${id}/checkin`;
    let page = await (await facilitator.get(path)).text();
    expect(page).toContain("0 van 2 aanwezig");
    expect(page).toContain("Anna Aanwezig");

    const found = await (await facilitator.get(`${path}?q=bert`)).text();
    expect(found).toContain("Bert Afwezig");
    expect(found).not.toContain("Anna Aanwezig</span>");
    expect(found).toContain('value="bert"');

    const tap = await facilitator.post(path, {
      _intent: "checkin",
      registrationId: anna,
      present: "1",
      q: "anna",
    });
    expect(tap.status).toBe(302);
    expect(tap.headers.get("Location")).toBe(`${path}?q=anna#r-${anna}`);
    page = await (await facilitator.get(path)).text();
    expect(page).toContain("1 van 2 aanwezig");
    expect(page).toContain("Toch niet");
    // The event is still to come (issue 15, point 1): nobody has failed to come yet.
    expect(await eventFigures(scope, id)).toMatchObject({
      confirmed: 2,
      attended: 1,
      noShow: null,
    });
    let figures = plain(await (await organiser.get(`${base()}/${id}`)).text());
    expect(figures).toContain("1 aanwezig");
    expect(figures).not.toContain("niet gekomen");
    expect(figures).toMatch(/Hogeschool \(hbo\) 1 1/);
    expect(figures).toMatch(/Maatschappelijke of zorgorganisatie 1 0/);

    // Once it has ended, whoever was confirmed and did not come is a no-show.
    await s.db
      .updateTable("events")
      .set({
        starts_at: new Date(Date.now() - 3 * 3600 * 1000),
        ends_at: new Date(Date.now() - 3600 * 1000),
      })
      .where("id", "=", id)
      .execute();
    expect(await eventFigures(scope, id)).toMatchObject({ attended: 1, noShow: 1 });
    figures = plain(await (await organiser.get(`${base()}/${id}`)).text());
    expect(figures).toContain("1 niet gekomen");

    await facilitator.post(path, { _intent: "checkin", registrationId: anna, present: "0" });
    expect(await (await facilitator.get(path)).text()).toContain("0 van 2 aanwezig");
    expect(await eventFigures(scope, id)).toMatchObject({ attended: 0, noShow: 2 });
  });
});

describe("dialogue in an event", () => {
  it("starts a live session for the event and invites every confirmed participant by mail", async () => {
    const id = await newEvent({ title: "Dialoog over werk", capacity: "2" });
    await publish(id);
    for (let i = 1; i <= 3; i++) await registerPerson(id, i);
    const started = await organiser.post(`${base()}/${id}`, {
      _intent: "startDialogue",
      title: "Dialoog tijdens de sessie",
      template: "learning-region",
      language: "nl",
    });
    expect(started.status).toBe(302);
    const session = await s.db
      .selectFrom("dialogue_sessions")
      .select(["id", "join_code", "event_id", "region_id"])
      .where("title", "=", "Dialoog tijdens de sessie")
      .executeTakeFirstOrThrow();
    expect(session).toMatchObject({ event_id: id, region_id: region.id });
    const page = await (await organiser.get(`${base()}/${id}`)).text();
    expect(page).toContain(`/manage/${region.slug}/dialogue/${session.id}`);
    expect(page).toContain(`${session.join_code.slice(0, 4)} ${session.join_code.slice(4)}`);

    const bad = await organiser.post(`${base()}/${id}`, {
      _intent: "startDialogue",
      title: "",
      template: "bestaat-niet",
    });
    expect(bad.status).toBe(400);

    const invited = await organiser.post(`${base()}/${id}`, {
      _intent: "inviteDialogue",
      sessionId: session.id,
    });
    expect(invited.status).toBe(302);
    expect(await (await organiser.get(invited.headers.get("Location")!)).text()).toContain(
      "2 deelnemers kregen een uitnodiging voor de sessie.",
    );
    const mails = await outbox("Doe mee met de live dialoog: Dialoog over werk");
    expect(mails).toHaveLength(2);
    for (const m of mails) expect(m.body_text).toContain(`${s.url}/live/${session.join_code}`);
  });
});

describe("who may do what", () => {
  it("lets facilitators only see the list and use the check-in; members nothing", async () => {
    const id = await newEvent({ title: "Rollen test" });
    const facilitator = await memberWith("facilitator");
    const list = await facilitator.get(base());
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain(`${base()}/${id}/checkin`);
    expect(html).not.toContain("Nieuwe bijeenkomst");
    expect((await facilitator.get(`${base()}/${id}`)).status).toBe(403);
    expect((await facilitator.get(`${base()}/${id}/registrations`)).status).toBe(403);
    expect((await facilitator.get(`${base()}/${id}/registrations.csv`)).status).toBe(403);
    expect((await facilitator.post(`${base()}/${id}`, { _intent: "publish" })).status).toBe(403);
    expect((await facilitator.get(`${base()}/${id}/checkin`)).status).toBe(200);

    const member = await memberWith("member");
    for (const path of [
      base(),
      `${base()}/new`,
      `${base()}/${id}`,
      `${base()}/${id}/registrations`,
      `${base()}/${id}/registrations.xlsx`,
      `${base()}/${id}/checkin`,
    ])
      expect((await member.get(path)).status, path).toBe(403);
    expect(
      (
        await member.post(`${base()}/${id}`, {
          _intent: "save",
          ...eventForm({ title: "Gekaapt" }),
        })
      ).status,
    ).toBe(403);
    expect((await member.post(`${base()}/new`, eventForm())).status).toBe(403);
    expect((await eventRow(id)).title).toBe("Rollen test");
    expect(await (await member.get(`/manage/${region.slug}`)).text()).not.toContain(
      `href="${base()}"`,
    );
  });

  it("answers 404 to another region's organiser for every page, export and form", async () => {
    const id = await newEvent({ title: "Van regio A" });
    await publish(id);
    const reg = await registerPerson(id, 1, { name: "Geheime Deelnemer" });
    await organiser.post(`${base()}/${id}`, {
      _intent: "startDialogue",
      title: "Sessie van regio A",
      template: "learning-region",
    });
    const b = await makeScope(s.db, "organiser");
    const other = new TestClient(s.url);
    await other.signIn(b.user.email, TEST_PASSWORD);
    const snapshot = async () =>
      JSON.stringify([
        await eventRow(id),
        await s.db.selectFrom("registrations").selectAll().where("event_id", "=", id).execute(),
        await s.db.selectFrom("outbox").select("id").where("region_id", "=", region.id).execute(),
      ]);
    const before = await snapshot();
    const paths = ["", "/registrations", "/registrations.csv", "/registrations.xlsx", "/checkin"];
    for (const prefix of [`/manage/${b.region.slug}/events/${id}`, `${base()}/${id}`]) {
      for (const p of paths) {
        const res = await other.get(prefix + p);
        expect(res.status, prefix + p).toBe(404);
        const body = await res.text();
        expect(body).not.toContain("Van regio A");
        expect(body).not.toContain("Geheime Deelnemer");
      }
    }
    const session = await s.db
      .selectFrom("dialogue_sessions")
      .select("id")
      .where("event_id", "=", id)
      .executeTakeFirstOrThrow();
    const intents: Record<string, string>[] = [
      { _intent: "save", ...eventForm({ title: "Overgenomen" }) },
      { _intent: "publish" },
      { _intent: "draft" },
      { _intent: "cancelEvent", confirm: "on" },
      { _intent: "closeRegistration" },
      { _intent: "openRegistration" },
      { _intent: "duplicate" },
      { _intent: "addQuestion", label: "Overgenomen?", kind: "text" },
      { _intent: "removeQuestion", questionId: "abc" },
      { _intent: "createInvitation", label: "Inbraak" },
      { _intent: "revokeInvitation", invitationId: reg },
      { _intent: "startDialogue", title: "Inbraak", template: "learning-region" },
      { _intent: "inviteDialogue", sessionId: session.id },
    ];
    for (const prefix of [`/manage/${b.region.slug}/events/${id}`, `${base()}/${id}`]) {
      for (const fields of intents) {
        const res = await other.post(prefix, fields);
        expect(res.status, `${prefix} ${fields._intent}`).toBe(404);
      }
      for (const [p, fields] of [
        ["/registrations", { _intent: "cancelRegistration", registrationId: reg }],
        ["/registrations", { _intent: "message", subject: "x", body: "y", audience: "all" }],
        ["/checkin", { _intent: "checkin", registrationId: reg, present: "1" }],
      ] as const) {
        const res = await other.post(prefix + p, fields);
        expect(res.status, prefix + p).toBe(404);
      }
    }
    expect(await snapshot()).toBe(before);

    // Nor can B's organiser use their own event's forms on A's registration and session.
    const theirs = await newEvent(
      { title: "Van regio B" },
      other,
      `/manage/${b.region.slug}/events`,
    );
    const theirPage = `/manage/${b.region.slug}/events/${theirs}`;
    const forged: [string, Record<string, string>][] = [
      ["/registrations", { _intent: "cancelRegistration", registrationId: reg }],
      ["/checkin", { _intent: "checkin", registrationId: reg, present: "1" }],
      ["", { _intent: "inviteDialogue", sessionId: session.id }],
    ];
    for (const [p, fields] of forged) {
      const res = await other.post(theirPage + p, fields);
      expect(res.status, p).toBe(404);
    }
    expect(await snapshot()).toBe(before);
  });
});
