import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../core/kernel/scope.ts";
import { TestClient } from "../../../test/client.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../../test/server.ts";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

function settingsForm(fields: Record<string, string>, logo?: { bytes: Buffer; type: string }) {
  const form = new FormData();
  const all = {
    name: "Regio Rivierenland",
    description: "Samen werken aan zorg en wonen.",
    challenges: "Genoeg zorgpersoneel\nBetaalbaar wonen",
    primaryColor: "#01689b",
    retentionMonths: "24",
    privacyStatement: "",
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) form.set(k, v);
  form.set(
    "logo",
    logo
      ? new File([new Uint8Array(logo.bytes)], "logo.png", { type: logo.type })
      : new File([], "", { type: "application/octet-stream" }),
  );
  return form;
}

async function signedIn(s: TestServer, role: Role) {
  const scope = await makeScope(s.db, role);
  const client = new TestClient(s.url);
  await client.signIn(scope.user.email, TEST_PASSWORD);
  return { ...scope, client };
}

async function addMember(s: TestServer, regionId: string, role: Role, name: string) {
  const user = await makeUser(s.db, { name });
  await s.db
    .insertInto("memberships")
    .values({ user_id: user.id, region_id: regionId, role })
    .execute();
  return user;
}

describe("region administration", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  describe("settings", () => {
    it("saves through a multipart form and shows on the public page", async () => {
      const { client, region } = await signedIn(s, "admin");
      const page = await client.get(`/manage/${region.slug}/settings`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/enctype="multipart\/form-data"/i);

      const res = await client.post(
        `/manage/${region.slug}/settings`,
        settingsForm(
          {
            primaryColor: "#8B0000",
            privacyStatement: "Wij bewaren gegevens 24 maanden.\n\nVragen? Mail ons.",
          },
          { bytes: PNG, type: "image/png" },
        ),
      );
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe(`/manage/${region.slug}/settings?saved=1`);
      const after = await client.get(`/manage/${region.slug}/settings?saved=1`);
      const html = await after.text();
      expect(html).toContain("De instellingen zijn opgeslagen.");
      expect(html).toMatch(new RegExp(`/r/${region.slug}/logo\\?v=[0-9a-f]{12}`));

      const pub = await fetch(`${s.url}/r/${region.slug}`);
      const text = await pub.text();
      expect(text).toContain("Regio Rivierenland");
      expect(text).toContain("Genoeg zorgpersoneel");
      expect(text).toContain("Betaalbaar wonen");
      expect(text).toContain("Wij bewaren gegevens 24 maanden.");
      expect(text).toContain("#8b0000");
      expect(text).toContain(`/r/${region.slug}/logo`);
      const logo = await fetch(`${s.url}/r/${region.slug}/logo`);
      expect(logo.headers.get("Content-Type")).toBe("image/png");
      expect(Buffer.from(await logo.arrayBuffer()).equals(PNG)).toBe(true);
    });

    it("removes the logo on request", async () => {
      const { client, region } = await signedIn(s, "admin");
      await client.get(`/manage/${region.slug}/settings`);
      await client.post(
        `/manage/${region.slug}/settings`,
        settingsForm({}, { bytes: PNG, type: "image/png" }),
      );
      expect((await fetch(`${s.url}/r/${region.slug}/logo`)).status).toBe(200);
      await client.get(`/manage/${region.slug}/settings`);
      const res = await client.post(
        `/manage/${region.slug}/settings`,
        settingsForm({ removeLogo: "on" }),
      );
      expect(res.status).toBe(302);
      expect((await fetch(`${s.url}/r/${region.slug}/logo`)).status).toBe(404);
    });

    it("refuses a light colour with a message at the field, and keeps what was typed", async () => {
      const { client, region } = await signedIn(s, "admin");
      await client.get(`/manage/${region.slug}/settings`);
      const res = await client.post(
        `/manage/${region.slug}/settings`,
        settingsForm({ primaryColor: "#ffdd00", name: "Nieuwe naam die blijft staan" }),
      );
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toMatch(/Witte tekst op #ffdd00 heeft een contrast van 1,\d+:1/);
      expect(html).toContain("minstens 4,5:1");
      expect(html).toContain('aria-invalid="true"');
      expect(html).toContain('value="Nieuwe naam die blijft staan"');
      const row = await s.db
        .selectFrom("regions")
        .select(["primary_color", "name"])
        .where("id", "=", region.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ primary_color: "#01689b", name: region.name });
    });

    it("refuses a file that claims to be a PNG but is not one", async () => {
      const { client, region } = await signedIn(s, "admin");
      await client.get(`/manage/${region.slug}/settings`);
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
      const res = await client.post(
        `/manage/${region.slug}/settings`,
        settingsForm({}, { bytes: svg, type: "image/png" }),
      );
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("geen PNG-, JPEG- of WebP-afbeelding");
      expect((await fetch(`${s.url}/r/${region.slug}/logo`)).status).toBe(404);
    });

    it("checks the CSRF token of a multipart post", async () => {
      const { client, region } = await signedIn(s, "admin");
      await client.get(`/manage/${region.slug}/settings`);
      const form = settingsForm({ name: "Niet zonder token" });
      form.set("_csrf", "not-the-token");
      const res = await client.post(`/manage/${region.slug}/settings`, form);
      expect(res.status).toBe(403);
      const row = await s.db
        .selectFrom("regions")
        .select("name")
        .where("id", "=", region.id)
        .executeTakeFirstOrThrow();
      expect(row.name).toBe(region.name);
    });
  });

  describe("who may", () => {
    it("gives an organiser 403 on settings, members and outbox, and changes nothing", async () => {
      const { client, region } = await signedIn(s, "organiser");
      for (const page of ["settings", "members", "outbox"]) {
        const res = await client.get(`/manage/${region.slug}/${page}`);
        expect(res.status, page).toBe(403);
        expect(await res.text()).toContain("Geen toegang");
      }
      await client.get(`/manage/${region.slug}`);
      const posted = await client.post(
        `/manage/${region.slug}/settings`,
        settingsForm({ name: "Overgenomen" }),
      );
      expect(posted.status).toBe(403);
      const invite = await client.post(`/manage/${region.slug}/members`, {
        _intent: "invite",
        email: "indringer@example.org",
        role: "admin",
      });
      expect(invite.status).toBe(403);
      expect(
        await s.db
          .selectFrom("invitations")
          .select("id")
          .where("region_id", "=", region.id)
          .execute(),
      ).toEqual([]);
    });

    it("answers 404 to an admin of region A for region B's pages and ids", async () => {
      const a = await signedIn(s, "admin");
      const b = await makeScope(s.db, "admin");
      const bMember = await addMember(s, b.region.id, "member", "Lid van B");
      const invitation = await s.db
        .insertInto("invitations")
        .values({
          region_id: b.region.id,
          email: "uitgenodigd-b@example.org",
          role: "member",
          token_hash: `b-${Date.now()}`,
          expires_at: new Date(Date.now() + 86_400_000),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const mail = await s.db
        .insertInto("outbox")
        .values({
          region_id: b.region.id,
          to_address: "b@example.org",
          subject: "Alleen voor B",
          body_text: "Geheim",
        })
        .returning("id")
        .executeTakeFirstOrThrow();

      for (const page of ["settings", "members", "outbox", `outbox/${mail.id}`]) {
        const res = await a.client.get(`/manage/${b.region.slug}/${page}`);
        expect(res.status, page).toBe(404);
        expect(await res.text()).not.toContain(b.region.name);
      }
      expect((await a.client.get(`/manage/${a.region.slug}/outbox/${mail.id}`)).status).toBe(404);
      expect((await a.client.get(`/manage/${a.region.slug}/outbox/not-an-id`)).status).toBe(404);

      await a.client.get(`/manage/${a.region.slug}/members`);
      const revoke = await a.client.post(`/manage/${a.region.slug}/members`, {
        _intent: "revoke",
        invitationId: invitation.id,
      });
      expect(revoke.status).toBe(404);
      const remove = await a.client.post(`/manage/${a.region.slug}/members`, {
        _intent: "remove",
        userId: bMember.id,
      });
      expect(remove.status).toBe(404);
      const role = await a.client.post(`/manage/${a.region.slug}/members`, {
        _intent: "role",
        userId: bMember.id,
        role: "admin",
      });
      expect(role.status).toBe(404);
      expect(
        await s.db
          .selectFrom("invitations")
          .select("id")
          .where("id", "=", invitation.id)
          .executeTakeFirst(),
      ).toBeDefined();
      expect(
        await s.db
          .selectFrom("memberships")
          .select("role")
          .where("user_id", "=", bMember.id)
          .executeTakeFirst(),
      ).toEqual({ role: "member" });
    });
  });

  describe("members", () => {
    it("invites, lists the invitation, and revokes it", async () => {
      const { client, region } = await signedIn(s, "admin");
      const page = await client.get(`/manage/${region.slug}/members`);
      expect(await page.text()).toContain("Er zijn geen openstaande uitnodigingen.");
      const res = await client.post(`/manage/${region.slug}/members`, {
        _intent: "invite",
        email: "Nieuw.Lid@Example.org",
        role: "facilitator",
      });
      expect(res.status).toBe(302);
      // No SMTP in this server: the admin is told where the mail is.
      expect(res.headers.get("Location")).toBe(`/manage/${region.slug}/members?done=invitedKept`);
      const listed = await (await client.get(res.headers.get("Location")!)).text();
      expect(listed).toContain("nieuw.lid@example.org");
      expect(listed).toContain("De uitnodiging is klaargezet.");
      const invitation = await s.db
        .selectFrom("invitations")
        .select("id")
        .where("region_id", "=", region.id)
        .executeTakeFirstOrThrow();
      const revoke = await client.post(`/manage/${region.slug}/members`, {
        _intent: "revoke",
        invitationId: invitation.id,
      });
      expect(revoke.status).toBe(302);
      expect(await (await client.get(`/manage/${region.slug}/members`)).text()).not.toContain(
        "nieuw.lid@example.org",
      );
    });

    it("shows a field message for a bad address and keeps the role chosen", async () => {
      const { client, region } = await signedIn(s, "admin");
      await client.get(`/manage/${region.slug}/members`);
      const res = await client.post(`/manage/${region.slug}/members`, {
        _intent: "invite",
        email: "geen adres",
        role: "organiser",
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain("Vul een geldig e-mailadres in");
      expect(html).toMatch(/<option value="organiser" selected="">/);
    });

    it("changes a role and removes a member, but never the last admin", async () => {
      const { client, region, user } = await signedIn(s, "admin");
      const member = await addMember(s, region.id, "member", "Piet Lid");
      await client.get(`/manage/${region.slug}/members`);
      const changed = await client.post(`/manage/${region.slug}/members`, {
        _intent: "role",
        userId: member.id,
        role: "organiser",
      });
      expect(changed.status).toBe(302);
      const roleOf = async (id: string) =>
        (
          await s.db
            .selectFrom("memberships")
            .select("role")
            .where("user_id", "=", id)
            .where("region_id", "=", region.id)
            .executeTakeFirst()
        )?.role;
      expect(await roleOf(member.id)).toBe("organiser");

      const demote = await client.post(`/manage/${region.slug}/members`, {
        _intent: "role",
        userId: user.id,
        role: "member",
      });
      // The request is fine; the region's state refuses it.
      expect(demote.status).toBe(409);
      expect(await demote.text()).toContain("laatste beheerder");
      const leave = await client.post(`/manage/${region.slug}/members`, {
        _intent: "remove",
        userId: user.id,
      });
      expect(leave.status).toBe(409);
      expect(await leave.text()).toContain("De laatste beheerder kan niet");
      expect(await roleOf(user.id)).toBe("admin");

      const removed = await client.post(`/manage/${region.slug}/members`, {
        _intent: "remove",
        userId: member.id,
      });
      expect(removed.status).toBe(302);
      expect(await roleOf(member.id)).toBeUndefined();
    });
  });

  describe("outbox", () => {
    it("lists the region's mails newest first, a page at a time, and explains that nothing is sent", async () => {
      const { client, region } = await signedIn(s, "admin");
      const other = await makeScope(s.db, "admin");
      await s.db
        .insertInto("outbox")
        .values(
          Array.from({ length: 30 }, (_, i) => ({
            region_id: region.id,
            to_address: `ontvanger${i}@example.org`,
            subject: `Bericht nummer ${String(i).padStart(2, "0")}`,
            body_text: "Tekst",
            created_at: new Date(Date.UTC(2025, 0, 1, 0, i)),
          })) as never,
        )
        .execute();
      await s.db
        .insertInto("outbox")
        .values({
          region_id: other.region.id,
          to_address: "elders@example.org",
          subject: "Van een andere regio",
          body_text: "Tekst",
        })
        .execute();
      const first = await (await client.get(`/manage/${region.slug}/outbox`)).text();
      expect(first).toContain("Er is geen mailserver (SMTP) ingesteld.");
      expect(first).toContain("Bericht nummer 29");
      expect(first).not.toContain("Bericht nummer 04");
      expect(first).not.toContain("Van een andere regio");
      expect(first.indexOf("Bericht nummer 29")).toBeLessThan(first.indexOf("Bericht nummer 28"));
      expect(first).toContain("Pagina 1 van 2");
      expect(first).toContain(`/manage/${region.slug}/outbox?page=2`);
      const second = await (await client.get(`/manage/${region.slug}/outbox?page=2`)).text();
      expect(second).toContain("Bericht nummer 04");
      expect(second).not.toContain("Bericht nummer 05");
    });

    it("shows a mail's text as text, never as HTML", async () => {
      const { client, region } = await signedIn(s, "admin");
      const mail = await s.db
        .insertInto("outbox")
        .values({
          region_id: region.id,
          to_address: "x@example.org",
          subject: "Met <b>opmaak</b>",
          body_text: 'Hallo <script>alert("x")</script>\nRegel twee',
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const res = await client.get(`/manage/${region.slug}/outbox/${mail.id}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("Hallo &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\nRegel twee");
      expect(html).not.toContain('<script>alert("x")');
      expect(html).toContain("Met &lt;b&gt;opmaak&lt;/b&gt;");
      expect(html).toContain("Bewaard, niet verzonden");
    });

    it("is named for what it holds: outgoing mail, each with its status, counted in words that fit", async () => {
      const { client, region } = await signedIn(s, "admin");
      await s.db
        .insertInto("outbox")
        .values({
          region_id: region.id,
          to_address: "een@example.org",
          subject: "Een",
          body_text: "",
        })
        .execute();
      const html = await (await client.get(`/manage/${region.slug}/outbox`)).text();
      expect(html).toContain('<h1 class="utrecht-heading-1">Uitgaande e-mail</h1>');
      expect(html).toContain(">Uitgaande e-mail</a>");
      expect(html).not.toContain("Verzonden e-mail");
      expect(html).toContain("1 bericht in totaal.");
      expect(html).toContain("Bewaard, niet verzonden");
    });

    it("shows a mail's attachments to download and its addresses as links, its secrets hidden in both", async () => {
      const { client, region } = await signedIn(s, "admin");
      const secret = "Zr8xSecretToken123";
      const mail = await s.db
        .insertInto("outbox")
        .values({
          region_id: region.id,
          to_address: "deelnemer@example.org",
          subject: "Je aanmelding",
          body_text: [
            "In de bijlage vind je de uitnodiging.",
            "Programma: https://example.org/programma?dag=1.",
            `Je eigen pagina: https://lerende.example/registration/${secret}`,
            'Vragen? mailto:info@example.org of javascript:alert(1) <a href="https://evil.example">x</a>',
          ].join("\n"),
          attachments: JSON.stringify([
            {
              filename: "uitnodiging.ics",
              contentType: "text/calendar; method=REQUEST",
              content: `BEGIN:VCALENDAR\r\nURL:https://lerende.example/registration/${secret}\r\nEND:VCALENDAR\r\n`,
            },
            { filename: "<script>.html", contentType: "text/html", content: "<script>x</script>" },
          ]),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const page = `/manage/${region.slug}/outbox/${mail.id}`;
      const html = await (await client.get(page)).text();
      expect(html).toContain('href="https://example.org/programma?dag=1"');
      expect(html).toContain('href="mailto:info@example.org"');
      expect(html).not.toContain('href="javascript');
      // Markup in a mail stays text; the address in it is an address like any other.
      expect(html).not.toContain('<a href="https://evil.example">');
      expect(html).toContain("&lt;a href=&quot;");
      expect(html).not.toContain(secret);
      expect(html).not.toContain('href="https://lerende.example/registration/');
      expect(html).toContain(`href="${page}/attachments/0"`);
      expect(html).toMatch(/uitnodiging\.ics \(0,1 kB\)/);

      const ics = await client.get(`${page}/attachments/0`);
      expect(ics.status).toBe(200);
      expect(ics.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
      expect(ics.headers.get("Content-Disposition")).toContain("attachment;");
      const body = await ics.text();
      expect(body).toContain("BEGIN:VCALENDAR");
      expect(body).not.toContain(secret);
      const other = await client.get(`${page}/attachments/1`);
      expect(other.headers.get("Content-Type")).toBe("application/octet-stream");
      expect(other.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect((await client.get(`${page}/attachments/2`)).status).toBe(404);
      expect((await client.get(`${page}/attachments/x`)).status).toBe(404);
    });

    it("sends a mail again as a copy through the outbox, to its own recipient, for admins only", async () => {
      const admin = await signedIn(s, "admin");
      const mail = await s.db
        .insertInto("outbox")
        .values({
          region_id: admin.region.id,
          to_address: "deelnemer@example.org",
          subject: "Uitnodiging werkplaats",
          body_text: "Tot dan.",
          attachments: JSON.stringify([
            {
              filename: "uitnodiging.ics",
              contentType: "text/calendar",
              content: "BEGIN:VCALENDAR",
            },
          ]),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const copies = () =>
        s.db
          .selectFrom("outbox")
          .select(["id", "to_address", "subject", "body_text", "attachments", "sent_at"])
          .where("region_id", "=", admin.region.id)
          .where("subject", "=", "Uitnodiging werkplaats")
          .execute();
      const page = `/manage/${admin.region.slug}/outbox/${mail.id}`;
      await admin.client.get(page);
      // Whatever else is posted, the copy goes to the mail's own recipient.
      const res = await admin.client.post(page, { to: "iemand-anders@example.org" });
      expect(res.status).toBe(302);
      const rows = await copies();
      expect(rows).toHaveLength(2);
      const copy = rows.find((r) => r.id !== mail.id)!;
      expect(res.headers.get("Location")).toBe(
        `/manage/${admin.region.slug}/outbox/${copy.id}?done=resent`,
      );
      expect(copy).toMatchObject({
        to_address: "deelnemer@example.org",
        body_text: "Tot dan.",
        sent_at: null,
      });
      expect(copy.attachments).toEqual([
        { filename: "uitnodiging.ics", contentType: "text/calendar", content: "BEGIN:VCALENDAR" },
      ]);
      const shown = await (await admin.client.get(res.headers.get("Location")!)).text();
      expect(shown).toContain(
        "Er staat een kopie van het bericht klaar voor deelnemer@example.org.",
      );

      // Not by an organiser of the region, not for another region's mail.
      const organiser = await addMember(s, admin.region.id, "organiser", "Organisator");
      const orgClient = new TestClient(s.url);
      await orgClient.signIn(organiser.email, TEST_PASSWORD);
      await orgClient.get(`/manage/${admin.region.slug}`);
      expect((await orgClient.post(page, {})).status).toBe(403);
      const other = await signedIn(s, "admin");
      await other.client.get(`/manage/${other.region.slug}`);
      expect(
        (await other.client.post(`/manage/${other.region.slug}/outbox/${mail.id}`, {})).status,
      ).toBe(404);
      expect(await copies()).toHaveLength(2);
    });
  });
});

describe("invitations with SMTP configured", () => {
  let s: TestServer;
  let smtp: SMTPServer;
  const received: string[] = [];
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        stream.on("data", () => undefined);
        stream.on("end", () => {
          received.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    s = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await s.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it("sends the invitation at once and says so", async () => {
    const { client, region } = await signedIn(s, "admin");
    await client.get(`/manage/${region.slug}/members`);
    const res = await client.post(`/manage/${region.slug}/members`, {
      _intent: "invite",
      email: "direct@example.org",
      role: "member",
    });
    expect(res.headers.get("Location")).toBe(`/manage/${region.slug}/members?done=invited`);
    await expect.poll(() => received.includes("direct@example.org"), { timeout: 5000 }).toBe(true);
    const outbox = await (await client.get(`/manage/${region.slug}/outbox`)).text();
    expect(outbox).not.toContain("Er is geen mailserver");
    await expect
      .poll(async () =>
        (await (await client.get(`/manage/${region.slug}/outbox`)).text()).includes(">Verzonden<"),
      )
      .toBe(true);
  });
});
