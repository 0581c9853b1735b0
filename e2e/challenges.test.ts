import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { DIGEST_JOB, planChallengeDigest } from "../core/challenges/digest.ts";
import { createEvent } from "../core/events/createEvent.ts";
import { toLocalInput } from "../core/kernel/time.ts";
import { createOrganisation } from "../core/people/createOrganisation.ts";
import { makeSessionWithAnswers } from "../test/dialogueResults.ts";
import { makeScope, TEST_PASSWORD } from "../test/fixtures.ts";
import { startTestServer, type TestServer } from "../test/server.ts";
import { launchBrowser, newContext, submit, visit } from "./support/browser.ts";
import { startSmtp, type TestSmtp } from "./support/smtp.ts";

let smtp: TestSmtp;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  smtp = await startSmtp();
  [server, browser] = await Promise.all([startTestServer({ SMTP_URL: smtp.url }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

async function signIn(page: Page, email: string) {
  await visit(page, `${server.url}/login`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((u) => u.pathname !== "/login");
}

/** The form fieldset whose legend is `legend`, so same-named fields of other forms stay apart. */
const form = (page: Page, legend: string) =>
  page.locator("fieldset").filter({ has: page.locator("legend", { hasText: legend }) });

describe("challenges through the cycle, in a real browser", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`a coordinator creates, rates, links and moves a challenge; the guard warns and mails ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
      const { scope, region, user } = await makeScope(server.db, "organiser");
      for (const [name, sector] of [
        ["Gemeente Arnhem", "government"],
        ["ROC Rijn IJssel", "mbo"],
        ["Zorgbedrijf Oost", "company"],
      ] as const) {
        const r = await createOrganisation(scope, { name, sector });
        if (!r.ok) throw new Error(JSON.stringify(r));
      }
      const start = new Date(Date.now() + 7 * 86_400_000);
      const event = await createEvent(scope, {
        title: "Kennissessie zorgpersoneel",
        kind: "knowledge_session",
        mode: "on_site",
        address: "Arnhem",
        startsAt: toLocalInput(start),
        endsAt: toLocalInput(new Date(start.getTime() + 2 * 3600_000)),
      });
      if (!event.ok) throw new Error(JSON.stringify(event));

      const page = await newContext(browser, { locale: "nl-NL", javaScriptEnabled }).then((c) =>
        c.newPage(),
      );
      await signIn(page, user.email);
      const base = `${server.url}/manage/${region.slug}`;

      // Two challenges through the "new" form.
      const ids: string[] = [];
      for (const title of ["Personeelstekort in de zorg", "Energiearmoede in de wijk"]) {
        await visit(page, `${base}/challenges/new`);
        await page.getByLabel("Titel").fill(title);
        await page.getByLabel("Waarom is dit urgent?").fill("Wachtlijsten groeien.");
        await submit(
          page,
          () => page.getByRole("button", { name: "Opgave aanmaken" }).click(),
          (u) => u.searchParams.get("done") === "created",
          page.getByRole("heading", { level: 1, name: title }),
        );
        ids.push(new URL(page.url()).pathname.split("/").pop()!);
      }
      const [care, energy] = ids as [string, string];

      // Three organisations of three sectors rate the urgency of the first.
      await visit(page, `${base}/challenges/${care}`);
      for (const [name, urgency, importance] of [
        ["Gemeente Arnhem", "5", "4"],
        ["ROC Rijn IJssel", "4", "5"],
        ["Zorgbedrijf Oost", "2", "4"],
      ] as const) {
        const rating = form(page, "Beoordeling toevoegen");
        await rating.getByLabel("Organisatie").selectOption({ label: name });
        await rating.getByLabel("Urgentie (1–5)").selectOption(urgency);
        await rating.getByLabel("Belang (1–5)").selectOption(importance);
        await submit(
          page,
          () => rating.getByRole("button", { name: "Beoordeling toevoegen" }).click(),
          (u) => u.searchParams.get("done") === "rated",
          page.getByRole("cell", { name }),
        );
      }
      // Urgency differs (2 to 5), importance agrees (4 to 5).
      await page.getByText("Over de urgentie verschillen de partijen (van 2 tot 5).").waitFor();
      await page.getByText("Over het belang zijn de partijen het eens (van 4 tot 5).").waitFor();

      // The coordinator's own estimate of the ambition first, then a session's answers after it.
      const ambition = form(page, "Ambitieniveau vastleggen");
      await ambition.getByLabel("Nu").selectOption("1");
      await ambition.getByLabel("Gewenst").selectOption("3");
      await submit(
        page,
        () => ambition.getByRole("button", { name: "Ambitieniveau vastleggen" }).click(),
        (u) => u.searchParams.get("done") === "ambitionSet",
        page.getByText(/Nu 1, gewenst 3, ingesteld door de coördinator/),
      );
      await makeSessionWithAnswers(scope, { title: "Dialoog zorgpersoneel" });

      // Link the event and the session.
      for (const [kind, title] of [
        ["Bijeenkomst", "Kennissessie zorgpersoneel"],
        ["Dialoogsessie", "Dialoog zorgpersoneel"],
      ] as const) {
        const link = page.locator("form").filter({ has: page.getByLabel(kind, { exact: true }) });
        await link.getByLabel(kind, { exact: true }).selectOption({ label: title });
        await submit(
          page,
          () => link.getByRole("button").click(),
          (u) => u.searchParams.get("done") === "linked",
          page.getByRole("link", { name: title }).first(),
        );
      }
      // The session's ladder answers (2, 3, 2 now; 4, 5, 4 desired) are the newest ambition.
      await page.getByText(/Nu 2,3, gewenst 4,3, uit dialoogsessie \(3 antwoorden\)/).waitFor();

      // Phase 2, with its reason.
      const phase = form(page, "Fase wijzigen");
      await phase.getByLabel("Nieuwe fase").selectOption("2");
      await phase.getByLabel("Reden").fill("Urgentie gedeeld door drie sectoren.");
      await submit(
        page,
        () => phase.getByRole("button").click(),
        (u) => u.searchParams.get("done") === "phaseChanged",
        page.getByRole("cell", { name: "Urgentie gedeeld door drie sectoren." }),
      );

      // The second challenge had no activity for ten weeks: the dashboard warns about it.
      const tenWeeksAgo = new Date(Date.now() - 70 * 86_400_000);
      // Ten weeks cannot pass in a test: the challenge's moments are moved back instead.
      await sql`UPDATE challenges SET created_at = ${tenWeeksAgo}, phase_since = ${tenWeeksAgo}
        WHERE id = ${energy}`.execute(server.db);
      await server.db
        .updateTable("challenge_phase_changes")
        .set({ changed_at: tenWeeksAgo })
        .where("challenge_id", "=", energy)
        .execute();

      await visit(page, base);
      const rows = page.getByRole("row");
      const careRow = rows.filter({ hasText: "Personeelstekort in de zorg" });
      await careRow.getByText("Netwerk vormen").waitFor();
      await careRow.getByText(/2,3 → 4,3/).waitFor();
      await rows
        .filter({ hasText: "Energiearmoede in de wijk" })
        .getByText("Al 10 weken geen activiteit.")
        .waitFor();

      // The weekly digest, through the real SMTP server. Each run of this test stands for a new
      // week: the week's job of an earlier run is forgotten, so this week's is planned again.
      await server.db.deleteFrom("jobs").where("kind", "=", DIGEST_JOB).execute();
      await planChallengeDigest(server.db);
      await server.app.services.jobs.kick();
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(user.email) && m.text.includes("Energiearmoede in de wijk"),
      );
      expect(mail.text).toContain("Al 10 weken geen activiteit.");
      expect(mail.text).toContain(`/manage/${region.slug}/challenges/${energy}`);
      // The rated challenge is in phase 2 without civil society or residents among its parties.
      expect(mail.text).toMatch(
        /Personeelstekort in de zorg \(Fase 2: Netwerk vormen\)\n- Geen partner uit: maatschappelijke organisaties en bewoners\./,
      );

      // The timeline and the public page of a published challenge are reachable too.
      await visit(page, `${base}/challenges/${care}/timeline`);
      await page
        .getByRole("cell", { name: /Urgentie gedeeld door drie sectoren/ })
        .first()
        .waitFor();
    });
  }
});
