import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "../../../core/events/createEvent.ts";
import { createEventInvitation } from "../../../core/events/createEventInvitation.ts";
import { createSeries } from "../../../core/events/createSeries.ts";
import { setEventStatus } from "../../../core/events/setEventStatus.ts";
import { registrationToken } from "../../../core/events/register.ts";
import { toLocalInput } from "../../../core/kernel/time.ts";
import type { RegionScope } from "../../../core/kernel/scope.ts";
import { TestClient } from "../../../test/client.ts";
import { makeScope } from "../../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../../test/server.ts";

const DAY = 24 * 3600 * 1000;
let s: TestServer;
let counter = 0;

beforeAll(async () => {
  // Many registrations from one test client: the per-client limit is tested on a server of its own.
  s = await startTestServer({ REGISTRATIONS_PER_CLIENT_PER_MINUTE: "100000" });
});
afterAll(async () => {
  await s.close();
});

function eventForm(over: Record<string, string> = {}) {
  const start = new Date(Date.now() + 10 * DAY);
  return {
    title: `Kennissessie ${++counter}`,
    kind: "knowledge_session",
    mode: "on_site",
    address: "Ruitenberglaan 26, Arnhem",
    room: "A.1.01",
    startsAt: toLocalInput(start),
    endsAt: toLocalInput(new Date(start.getTime() + 2 * 3600 * 1000)),
    capacity: "3",
    waitlist: "on",
    ...over,
  };
}

async function makeEvent(
  scope: RegionScope,
  over: Record<string, string> = {},
  status: "draft" | "published" | "cancelled" = "published",
) {
  const created = await createEvent(scope, eventForm(over));
  if (!created.ok) throw new Error(JSON.stringify(created));
  if (status !== "draft") await setEventStatus(scope, created.value.id, status);
  return created.value;
}

const person = (email: string, over: Record<string, string> = {}) => ({
  name: "Sanne de Boer",
  email,
  organisation: "ROC Nijmegen",
  sector: "mbo",
  role: "Docent",
  consent: "on",
  website: "",
  ...over,
});

const uniqueEmail = () => `bezoeker-${++counter}-${Date.now()}@example.org`;

async function rows(eventId: string) {
  return s.db
    .selectFrom("registrations")
    .select(["id", "email", "status", "name", "answers"])
    .where("event_id", "=", eventId)
    .orderBy("seq")
    .execute();
}

describe("the public agenda", () => {
  it("lists only the published events of the region that have not ended, and links from the region page", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const other = await makeScope(s.db, "organiser");
    await makeEvent(scope, { title: "Gepubliceerd en straks" });
    await makeEvent(scope, { title: "Nog een concept" }, "draft");
    await makeEvent(scope, { title: "Gaat niet door" }, "cancelled");
    const past = new Date(Date.now() - 3 * DAY);
    await makeEvent(scope, {
      title: "Al geweest",
      startsAt: toLocalInput(past),
      endsAt: toLocalInput(new Date(past.getTime() + 3600 * 1000)),
    });
    await makeEvent(other.scope, { title: "Van een andere regio" });
    await makeEvent(scope, {
      title: "Online sessie",
      mode: "online",
      onlineUrl: "https://meet.example.org/x",
    });

    const visitor = new TestClient(s.url);
    const page = await visitor.get(`/r/${region.slug}/events`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Gepubliceerd en straks");
    expect(html).toContain("Nog 3 van 3 plaatsen vrij.");
    expect(html).toContain("Kennissessie</p>");
    expect(html).toContain("Ruitenberglaan 26, Arnhem");
    expect(html).toContain("Online sessie");
    expect(html).not.toContain("meet.example.org");
    for (const hidden of [
      "Nog een concept",
      "Gaat niet door",
      "Al geweest",
      "Van een andere regio",
    ])
      expect(html).not.toContain(hidden);
    expect(html).toContain(`href="/r/${region.slug}/agenda.ics"`);
    expect(html).toContain(`${s.url}/r/${region.slug}/agenda.ics`);

    const regionPage = await (await visitor.get(`/r/${region.slug}`)).text();
    expect(regionPage).toContain(`href="/r/${region.slug}/events"`);
    expect((await visitor.get("/r/bestaat-niet/events")).status).toBe(404);
  });
});

describe("an event's page", () => {
  it("shows the event with everything a visitor needs, but never the online link", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const deadline = new Date(Date.now() + 5 * DAY);
    const event = await makeEvent(scope, {
      title: "Hybride kennissessie",
      mode: "hybrid",
      onlineUrl: "https://meet.example.org/geheim-123",
      summary: "Samen leren in de regio.",
      programme: "14:30 Welkom\n15:00 <b>Gesprek</b>\n\n16:00 Borrel",
      organisers: "HAN Publieke Zaak",
      facilitators: "Lotte Jansen",
      registrationDeadline: toLocalInput(deadline),
    });
    const visitor = new TestClient(s.url);
    const res = await visitor.get(`/r/${region.slug}/events/${event.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Hybride kennissessie");
    expect(html).toContain("Samen leren in de regio.");
    expect(html).toContain("A.1.01, Ruitenberglaan 26, Arnhem");
    expect(html).toContain("Online: de link staat in je bevestiging.");
    expect(html).toContain("14:30 Welkom\n15:00 &lt;b&gt;Gesprek&lt;/b&gt;");
    expect(html).not.toContain("<b>Gesprek</b>");
    expect(html).toContain("HAN Publieke Zaak");
    expect(html).toContain("Lotte Jansen");
    expect(html).toContain("Deelname is gratis.");
    expect(html).toContain("Nog 3 van 3 plaatsen vrij.");
    expect(html).toContain("Aanmelden kan tot");
    expect(html).not.toContain("meet.example.org");
    expect(html).not.toContain("geheim-123");
    // The form: every field, the consent with the privacy statement, a honeypot out of reach.
    for (const name of [
      "name",
      "email",
      "organisation",
      "sector",
      "role",
      "diet",
      "accessibility",
      "consent",
    ])
      expect(html).toContain(`name="${name}"`);
    expect(html).toContain(`href="/r/${region.slug}/privacy"`);
    const honeypot = /<div class="lr-honeypot" aria-hidden="true">(.*?)<\/div>/.exec(html)?.[1];
    expect(honeypot).toContain('<label for="field-website">Laat dit veld leeg</label>');
    expect(honeypot).toMatch(/<input [^>]*name="website"/);
    expect(honeypot).toMatch(/tabindex="-1"/i);
    expect(honeypot).toMatch(/autocomplete="off"/i);
    expect(html).toContain(">Aanmelden</button>");
    expect((await visitor.get(`/r/${region.slug}/privacy`)).status).toBe(200);
    // Drafts and other regions' events are not there.
    const draft = await makeEvent(scope, {}, "draft");
    expect((await visitor.get(`/r/${region.slug}/events/${draft.slug}`)).status).toBe(404);
    const other = await makeScope(s.db, "organiser");
    expect((await visitor.get(`/r/${other.region.slug}/events/${event.slug}`)).status).toBe(404);
  });

  it("shows the organiser's questions and a cancelled event as cancelled, with links to the series", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const series = await createSeries(scope, {
      title: "Reeks lerende regio",
      description: "",
      registrationMode: "event",
    });
    if (!series.ok) throw new Error("series");
    const first = await makeEvent(scope, { seriesId: series.value.id, title: "Eerste sessie" });
    const second = await makeEvent(scope, { seriesId: series.value.id, title: "Tweede sessie" });
    await s.db
      .updateTable("events")
      .set({
        questions: JSON.stringify([
          { id: "a1", kind: "text", label: "Wat wil je leren?", options: [], required: true },
          {
            id: "b2",
            kind: "choice",
            label: "Welke tafel?",
            options: ["Zorg", "Onderwijs"],
            required: false,
          },
          { id: "c3", kind: "yesno", label: "Blijf je eten?", options: [], required: true },
        ]),
      })
      .where("id", "=", first.id)
      .execute();
    const visitor = new TestClient(s.url);
    const html = await (await visitor.get(`/r/${region.slug}/events/${first.slug}`)).text();
    expect(html).toContain('name="q_a1"');
    expect(html).toContain("Welke tafel? (optioneel)");
    expect(html).toMatch(/type="radio"[^>]*name="q_c3" value="yes"/);
    expect(html).toContain(`href="/r/${region.slug}/events/${second.slug}"`);
    expect(html).toContain(`href="/r/${region.slug}/series/${series.value.slug}"`);
    const seriesPage = await visitor.get(`/r/${region.slug}/series/${series.value.slug}`);
    expect(seriesPage.status).toBe(200);
    const seriesHtml = await seriesPage.text();
    expect(seriesHtml).toContain("Eerste sessie");
    // Registration is per event in this series: no form on the series page.
    expect(seriesHtml).not.toContain('name="email"');

    await setEventStatus(scope, second.id, "cancelled");
    const cancelled = await (await visitor.get(`/r/${region.slug}/events/${second.slug}`)).text();
    expect(cancelled).toContain("Deze bijeenkomst gaat niet door.");
    expect(cancelled).not.toContain('name="email"');
  });
});

describe("registering without JavaScript", () => {
  it("registers with a form post, redirects to a notice, and keeps one row per address", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const event = await makeEvent(scope);
    const path = `/r/${region.slug}/events/${event.slug}`;
    const visitor = new TestClient(s.url);
    await visitor.get(path);
    const email = uniqueEmail();
    const res = await visitor.post(path, person(email));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`${path}?registered=confirmed`);
    const notice = await (await visitor.get(`${path}?registered=confirmed`)).text();
    expect(notice).toContain('role="status"');
    // The confirmation says that this is a place, not the waitlist (issue 15, point 15).
    expect(notice).toContain("Gelukt! Je hebt een plaats.");
    expect(notice).toContain("Nog 2 van 3 plaatsen vrij.");

    const again = await visitor.post(path, person(email.toUpperCase(), { name: "Iemand anders" }));
    expect(again.status).toBe(302);
    expect(again.headers.get("Location")).toBe(`${path}?registered=confirmed`);
    const stored = await rows(event.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ email, status: "confirmed", name: "Sanne de Boer" });
    const mails = await s.db
      .selectFrom("outbox")
      .select(["subject", "body_text", "attachments"])
      .where("to_address", "=", email)
      .execute();
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toContain("Aanmelding bevestigd");
    expect(mails[0]!.attachments[0]!.content).toContain("BEGIN:VCALENDAR");
  });

  it("puts the next visitor on the waitlist with a button that says so", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const event = await makeEvent(scope, { capacity: "1" });
    const path = `/r/${region.slug}/events/${event.slug}`;
    const visitor = new TestClient(s.url);
    await visitor.post(path, person(uniqueEmail()));
    const page = await (await visitor.get(path)).text();
    expect(page).toContain(">Aanmelden voor de wachtlijst</button>");
    const res = await visitor.post(path, person(uniqueEmail()));
    expect(res.headers.get("Location")).toBe(`${path}?registered=waitlisted`);
    expect(await (await visitor.get(`${path}?registered=waitlisted`)).text()).toContain(
      "Je staat op de wachtlijst.",
    );
    expect((await rows(event.id)).map((r) => r.status)).toEqual(["confirmed", "waitlisted"]);
  });

  it("refuses bad input with messages next to the fields, in Dutch and in English, keeps what was typed, and stores nothing", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const event = await makeEvent(scope);
    const path = `/r/${region.slug}/events/${event.slug}`;
    const visitor = new TestClient(s.url);
    await visitor.get(path);
    const bad = await visitor.post(path, {
      ...person("geen-adres"),
      name: "x".repeat(201),
      role: "Beleidsadviseur",
      consent: "",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Niet alles is goed ingevuld.");
    expect(html).toContain("Vul een geldig e-mailadres in");
    expect(html).toContain("Gebruik hoogstens 200 tekens.");
    expect(html).toContain(
      "Je kunt je alleen aanmelden als je akkoord gaat met de privacyverklaring.",
    );
    expect(html).toContain('aria-describedby="field-email-description field-email-error"');
    expect(html).toContain('value="Beleidsadviseur"');
    expect(html).toContain('value="geen-adres"');

    // An unticked checkbox is not sent at all.
    const { consent: _ticked, ...withoutConsent } = person("not-an-address");
    const english = await visitor.post(path, withoutConsent, { "Accept-Language": "en" });
    expect(english.status).toBe(400);
    const en = await english.text();
    expect(en).toContain("You can only register if you agree to the privacy statement.");
    expect(en).toMatch(/valid e-mail address/i);
    expect(await rows(event.id)).toHaveLength(0);
  });

  it("checks the organiser's required questions", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const event = await makeEvent(scope);
    await s.db
      .updateTable("events")
      .set({
        questions: JSON.stringify([
          { id: "c3", kind: "yesno", label: "Blijf je eten?", options: [], required: true },
          { id: "t4", kind: "text", label: "Opmerkingen", options: [], required: false },
        ]),
      })
      .where("id", "=", event.id)
      .execute();
    const path = `/r/${region.slug}/events/${event.slug}`;
    const visitor = new TestClient(s.url);
    const missing = await visitor.post(path, person(uniqueEmail()));
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('id="field-q_c3-error"');
    const hostile = await visitor.post(path, {
      ...person(uniqueEmail()),
      q_c3: "yes",
      q_t4: "<script>alert(1)</script>\u0000",
    });
    expect(hostile.status).toBe(400);
    expect(await hostile.text()).not.toContain("<script>alert(1)</script>");
    const answered = await visitor.post(path, { ...person(uniqueEmail()), q_c3: "yes" });
    expect(answered.status).toBe(302);
    expect((await rows(event.id))[0]!.answers).toEqual({ c3: true });
  });

  it("says clearly when registration is closed, past its deadline or full, and stores nothing", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const visitor = new TestClient(s.url);

    const closed = await makeEvent(scope);
    await s.db
      .updateTable("events")
      .set({ registration_closed: true })
      .where("id", "=", closed.id)
      .execute();
    const closedPath = `/r/${region.slug}/events/${closed.slug}`;
    const closedPage = await (await visitor.get(closedPath)).text();
    expect(closedPage).toContain("De aanmelding voor deze bijeenkomst is gesloten.");
    expect(closedPage).not.toContain('name="email"');
    const closedPost = await visitor.post(closedPath, person(uniqueEmail()));
    expect(closedPost.status).toBe(409);
    expect(await closedPost.text()).toContain("De aanmelding voor deze bijeenkomst is gesloten.");

    const late = await makeEvent(scope);
    await s.db
      .updateTable("events")
      .set({ registration_deadline: new Date(Date.now() - 3600 * 1000) })
      .where("id", "=", late.id)
      .execute();
    const latePost = await visitor.post(
      `/r/${region.slug}/events/${late.slug}`,
      person(uniqueEmail()),
    );
    expect(latePost.status).toBe(410);
    expect(await latePost.text()).toContain("De aanmeldtermijn is verstreken.");

    const full = await makeEvent(scope, { capacity: "1", waitlist: "" });
    const fullPath = `/r/${region.slug}/events/${full.slug}`;
    expect((await visitor.post(fullPath, person(uniqueEmail()))).status).toBe(302);
    const fullPost = await visitor.post(fullPath, person(uniqueEmail()));
    expect(fullPost.status).toBe(409);
    expect(await fullPost.text()).toContain("Deze bijeenkomst is vol en heeft geen wachtlijst.");
    expect(await (await visitor.get(fullPath)).text()).toContain("Vol: aanmelden kan niet meer.");

    expect(await rows(closed.id)).toHaveLength(0);
    expect(await rows(late.id)).toHaveLength(0);
    expect(await rows(full.id)).toHaveLength(1);
  });

  it("answers a filled-in honeypot as a success and stores nothing", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const event = await makeEvent(scope);
    const path = `/r/${region.slug}/events/${event.slug}`;
    const bot = new TestClient(s.url);
    const res = await bot.post(path, person(uniqueEmail(), { website: "https://spam.example" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`${path}?registered=confirmed`);
    expect(await rows(event.id)).toHaveLength(0);
  });

  it("shows an invitation-only event's form only to people with an invitation link", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const event = await makeEvent(scope, { invitationOnly: "on" });
    const invitation = await createEventInvitation(scope, event.id, {
      label: "Partners",
      maxUses: "",
    });
    if (!invitation.ok) throw new Error("invitation");
    const path = `/r/${region.slug}/events/${event.slug}`;
    const visitor = new TestClient(s.url);
    const plain = await (await visitor.get(path)).text();
    expect(plain).toContain("Deze bijeenkomst is op uitnodiging.");
    expect(plain).not.toContain('name="email"');
    const invited = await (
      await visitor.get(`${path}?invitation=${encodeURIComponent(invitation.value.token)}`)
    ).text();
    expect(invited).toContain(`name="invitation" value="${invitation.value.token}"`);
    // A mistake in the form keeps the invitation, and with it the form.
    const invitedPath = `${path}?invitation=${encodeURIComponent(invitation.value.token)}`;
    expect(invited).toContain(`action="${invitedPath}"`);
    const mistake = await visitor.post(invitedPath, {
      ...person("geen-adres"),
      invitation: invitation.value.token,
    });
    expect(mistake.status).toBe(400);
    const again = await mistake.text();
    expect(again).toContain("Vul een geldig e-mailadres in");
    expect(again).toContain(`name="invitation" value="${invitation.value.token}"`);
    const refused = await visitor.post(path, person(uniqueEmail()));
    expect(refused.status).toBe(403);
    const res = await visitor.post(path, {
      ...person(uniqueEmail()),
      invitation: invitation.value.token,
    });
    expect(res.status).toBe(302);
    expect(await rows(event.id)).toHaveLength(1);
  });

  it("limits registrations per e-mail address", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const event = await makeEvent(scope);
    const path = `/r/${region.slug}/events/${event.slug}`;
    const visitor = new TestClient(s.url);
    const email = uniqueEmail();
    for (let i = 0; i < 5; i++) expect((await visitor.post(path, person(email))).status).toBe(302);
    const sixth = await visitor.post(path, person(email));
    expect(sixth.status).toBe(429);
    expect(await sixth.text()).toContain("Te veel aanmeldingen vanaf dit adres.");
  });

  it("registers for a whole series with one form", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const series = await createSeries(scope, {
      title: "Hele reeks",
      description: "Drie keer\nsamen leren.",
      registrationMode: "series",
    });
    if (!series.ok) throw new Error("series");
    const later = new Date(Date.now() + 20 * DAY);
    const b = await makeEvent(scope, {
      seriesId: series.value.id,
      startsAt: toLocalInput(later),
      endsAt: toLocalInput(new Date(later.getTime() + 3600 * 1000)),
    });
    const a = await makeEvent(scope, { seriesId: series.value.id });
    // The form asks the first session's questions, whichever was made first.
    await s.db
      .updateTable("events")
      .set({
        questions: JSON.stringify([
          { id: "t1", kind: "text", label: "Wat is je vraag?", options: [], required: true },
        ]),
      })
      .where("id", "=", a.id)
      .execute();
    const path = `/r/${region.slug}/series/${series.value.slug}`;
    const visitor = new TestClient(s.url);
    const page = await (await visitor.get(path)).text();
    expect(page).toContain("Je meldt je aan voor alle bijeenkomsten van deze reeks tegelijk.");
    expect(page).toContain("Drie keer\nsamen leren.");
    expect(page).toContain('name="q_t1"');
    const bad = await visitor.post(path, { ...person(uniqueEmail()), consent: "" });
    expect(bad.status).toBe(400);
    const unanswered = await visitor.post(path, person(uniqueEmail()));
    expect(unanswered.status).toBe(400);
    expect(await unanswered.text()).toContain('id="field-q_t1-error"');
    const res = await visitor.post(path, { ...person(uniqueEmail()), q_t1: "Hoe leren we samen?" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`${path}?registered=series`);
    expect(await (await visitor.get(`${path}?registered=series`)).text()).toContain(
      "voor elke bijeenkomst van de reeks",
    );
    expect(await rows(a.id)).toHaveLength(1);
    expect(await rows(b.id)).toHaveLength(1);
  });
});

describe("the limit per client", () => {
  it("answers 429 once a client has registered too often", async () => {
    const strict = await startTestServer({ REGISTRATIONS_PER_CLIENT_PER_MINUTE: "3" });
    try {
      const { region, scope } = await makeScope(strict.db, "organiser");
      const created = await createEvent(scope, eventForm({ capacity: "" }));
      if (!created.ok) throw new Error("event");
      await setEventStatus(scope, created.value.id, "published");
      const path = `/r/${region.slug}/events/${created.value.slug}`;
      const visitor = new TestClient(strict.url);
      for (let i = 0; i < 3; i++)
        expect((await visitor.post(path, person(uniqueEmail()))).status).toBe(302);
      const refused = await visitor.post(path, person(uniqueEmail()), { "Accept-Language": "en" });
      expect(refused.status).toBe(429);
      expect(await refused.text()).toContain("Too many registrations from this address.");
      const stored = await strict.db
        .selectFrom("registrations")
        .select("id")
        .where("event_id", "=", created.value.id)
        .execute();
      expect(stored).toHaveLength(3);
    } finally {
      await strict.close();
    }
  });
});

describe("iCalendar", () => {
  it("serves the region's feed and each event as .ics, in UTC and without the online link", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const event = await makeEvent(scope, {
      title: "Online kennissessie",
      mode: "online",
      onlineUrl: "https://meet.example.org/alleen-voor-deelnemers",
    });
    await makeEvent(scope, { title: "Concept sessie" }, "draft");
    const visitor = new TestClient(s.url);
    const feed = await visitor.get(`/r/${region.slug}/agenda.ics`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const ics = (await feed.text()).replace(/\r\n[ \t]/g, "");
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("SUMMARY:Online kennissessie");
    expect(ics).not.toContain("Concept sessie");
    expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(ics).toContain(`${s.url}/r/${region.slug}/events/${event.slug}`);
    expect(ics).not.toContain("meet.example.org");

    const one = await visitor.get(`/r/${region.slug}/events/${event.slug}/calendar.ics`);
    expect(one.status).toBe(200);
    expect(one.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(one.headers.get("Content-Disposition")).toContain(`${event.slug}.ics`);
    const single = (await one.text()).replace(/\r\n[ \t]/g, "");
    expect(single).toContain("BEGIN:VCALENDAR");
    expect(single).toContain("SUMMARY:Online kennissessie");
    expect(single).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(single).not.toContain("meet.example.org");
    expect((await visitor.get(`/r/${region.slug}/events/bestaat-niet/calendar.ics`)).status).toBe(
      404,
    );
  });
});

describe("the registrant's own page", () => {
  it("shows the registration, the online link only with a place, and cancels, giving the place to the waitlist", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const event = await makeEvent(scope, {
      capacity: "1",
      mode: "hybrid",
      onlineUrl: "https://meet.example.org/voor-deelnemers",
    });
    const path = `/r/${region.slug}/events/${event.slug}`;
    const visitor = new TestClient(s.url);
    const first = uniqueEmail();
    const second = uniqueEmail();
    await visitor.post(path, person(first));
    await visitor.post(path, person(second, { name: "Ahmet Yilmaz" }));
    const [a, b] = await rows(event.id);
    const tokenA = await registrationToken(s.db, a!.id);
    const tokenB = await registrationToken(s.db, b!.id);

    const reader = new TestClient(s.url);
    const pageA = await reader.get(`/registration/${tokenA}`);
    expect(pageA.status).toBe(200);
    expect(pageA.headers.get("Cache-Control")).toBe("no-store");
    const htmlA = await pageA.text();
    expect(htmlA).toContain("je hebt een plaats");
    expect(htmlA).toContain("https://meet.example.org/voor-deelnemers");
    expect(htmlA).toContain('name="robots" content="noindex, nofollow"');
    const htmlB = await (await reader.get(`/registration/${tokenB}`)).text();
    expect(htmlB).toContain("je staat op de wachtlijst");
    expect(htmlB).not.toContain("meet.example.org");

    // The mail's page asks before it cancels (issue 15, point 15): its button only leads to the
    // question, and only the question's button cancels.
    expect(htmlA).not.toContain('value="cancel" name="_intent"');
    const asked = await (await reader.get(`/registration/${tokenA}?confirm=cancel`)).text();
    expect(asked).toContain("Weet je zeker dat je wilt afzeggen?");
    expect(asked).toContain("Je plaats gaat dan naar de eerste op de wachtlijst");
    expect(asked).toContain('value="cancel" name="_intent"');
    expect((await rows(event.id)).map((r) => r.status)).toEqual(["confirmed", "waitlisted"]);

    const cancelled = await reader.post(`/registration/${tokenA}`, { _intent: "cancel" });
    expect(cancelled.status).toBe(302);
    expect(cancelled.headers.get("Location")).toBe(`/registration/${tokenA}?cancelled=1`);
    const after = await (await reader.get(`/registration/${tokenA}?cancelled=1`)).text();
    expect(after).toContain("Je hebt afgezegd.");
    expect(after).toContain("afgezegd");
    expect(after).not.toContain('value="cancel"');
    expect((await rows(event.id)).map((r) => r.status)).toEqual(["cancelled", "confirmed"]);
    const promoted = await (await reader.get(`/registration/${tokenB}`)).text();
    expect(promoted).toContain("je hebt een plaats");
    expect(promoted).toContain("https://meet.example.org/voor-deelnemers");
  });

  it("answers a forged link with a friendly 404, and erases on request", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const event = await makeEvent(scope);
    const visitor = new TestClient(s.url);
    const email = uniqueEmail();
    await visitor.post(`/r/${region.slug}/events/${event.slug}`, person(email));
    const [reg] = await rows(event.id);
    const token = await registrationToken(s.db, reg!.id);

    const forged = await visitor.get(`/registration/${reg!.id}.${"A".repeat(32)}`);
    expect(forged.status).toBe(404);
    expect(await forged.text()).toContain("Deze link is niet (meer) geldig.");
    expect((await visitor.get("/registration/zomaar-iets")).status).toBe(404);
    const forgedPost = await visitor.post(`/registration/${reg!.id}.${"A".repeat(32)}`, {
      _intent: "cancel",
    });
    expect(forgedPost.status).toBe(404);

    // Before erasing, the person can take everything we hold about them.
    const mine = await visitor.get(`/registration/${token}/data.json`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("Content-Disposition")).toContain("attachment");
    expect(await mine.json()).toMatchObject({ email, status: "confirmed" });
    expect((await visitor.get(`/registration/${reg!.id}.${"A".repeat(32)}/data.json`)).status).toBe(
      404,
    );

    const erased = await visitor.post(`/registration/${token}`, { _intent: "erase" });
    expect(erased.status).toBe(302);
    expect(erased.headers.get("Location")).toBe(`/registration/erased?r=${region.slug}`);
    const done = await visitor.get(`/registration/erased?r=${region.slug}`);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Je gegevens zijn gewist.");
    const row = await s.db
      .selectFrom("registrations")
      .select(["name", "email", "status", "anonymised_at"])
      .where("id", "=", reg!.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe("");
    expect(row.email).not.toContain(email);
    expect(row.status).toBe("cancelled");
    expect(row.anonymised_at).not.toBeNull();
    expect((await visitor.get(`/registration/${token}`)).status).toBe(404);
    expect((await visitor.get(`/registration/${token}/data.json`)).status).toBe(404);
    // The outbox copies of the mails to them (name, meeting link, own link) go too.
    const copies = await s.db
      .selectFrom("outbox")
      .select("body_text")
      .where("region_id", "=", region.id)
      .execute();
    expect(
      copies.filter((m) => m.body_text.includes(email) || m.body_text.includes(token)),
    ).toEqual([]);
    expect(
      await s.db.selectFrom("outbox").select("id").where("to_address", "=", email).execute(),
    ).toEqual([]);
  });
});
