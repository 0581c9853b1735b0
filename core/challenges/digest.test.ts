import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtp, type TestSmtp } from "../../e2e/support/smtp.ts";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope, makeUser } from "../../test/fixtures.ts";
import { runDueJobs } from "../jobs/jobs.ts";
import { Mailer } from "../mail/outbox.ts";
import { createChallenge } from "./createChallenge.ts";
import { challengeDigestJobHandlers, DIGEST_JOB, isoWeek, planChallengeDigest } from "./digest.ts";

const quiet = { info() {}, warn() {} };
const PUBLIC_URL = "https://regio.example.org";
const WEEK = 7 * 24 * 60 * 60 * 1000;

let t: TestDb;
let smtp: TestSmtp;
let mailer: Mailer;
beforeAll(async () => {
  t = await createTestDb();
  smtp = await startSmtp();
  mailer = new Mailer(t.db, smtp.url, "Lerende Regio <noreply@example.org>", quiet);
});
afterAll(async () => {
  await smtp.close();
  await t.dispose();
});

describe("the weekly digest of the consolidation guard", () => {
  it("mails each organiser and admin of a region with a stale challenge once a week, in their language", async () => {
    const stale = await makeScope(t.db, "organiser");
    const admin = await makeUser(t.db, { name: "Ada Admin" });
    await t.db.updateTable("users").set({ locale: "en" }).where("id", "=", admin.id).execute();
    const facilitator = await makeUser(t.db);
    await t.db
      .insertInto("memberships")
      .values([
        { user_id: admin.id, region_id: stale.region.id, role: "admin" },
        { user_id: facilitator.id, region_id: stale.region.id, role: "facilitator" },
      ])
      .execute();
    const created = await createChallenge(stale.scope, { title: "Tekort aan zorgpersoneel" });
    if (!created.ok) throw new Error("challenge not created");

    // A region whose only challenge is as old, but whose threshold lies further away: no warning.
    const quietRegion = await makeScope(t.db, "organiser");
    await t.db
      .updateTable("regions")
      .set({ stale_after_weeks: 52 })
      .where("id", "=", quietRegion.region.id)
      .execute();
    expect((await createChallenge(quietRegion.scope, { title: "Wonen en zorg" })).ok).toBe(true);

    // Eight weeks on, past the default threshold of six.
    const now = new Date(Date.now() + 8 * WEEK + 60 * 60 * 1000);
    const handlers = challengeDigestJobHandlers({ publicUrl: PUBLIC_URL, now: () => now });
    await planChallengeDigest(t.db, now);
    expect(await runDueJobs(t.db, handlers, () => now)).toBe(1);
    await mailer.kick();

    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual([stale.user.email, admin.email].sort());
    const link = `${PUBLIC_URL}/manage/${stale.region.slug}/challenges/${created.value.id}`;
    const dutch = smtp.mails.find((m) => m.to[0] === stale.user.email)!;
    expect(dutch.subject).toBe(`${stale.region.name}: 1 opgave vraagt aandacht`);
    expect(dutch.text).toContain("Tekort aan zorgpersoneel (Fase 1: Urgente opgave)");
    expect(dutch.text).toContain("- Al 8 weken geen activiteit.");
    expect(dutch.text).toContain(link);
    expect(dutch.text).toContain(`${PUBLIC_URL}/manage/${stale.region.slug}\n`);
    const english = smtp.mails.find((m) => m.to[0] === admin.email)!;
    expect(english.subject).toBe(`${stale.region.name}: 1 challenge needs attention`);
    expect(english.text).toContain("Dear Ada Admin,");
    expect(english.text).toContain("- No activity for 8 weeks.");
    expect(english.text).toContain(link);
    expect(smtp.mails.some((m) => m.to[0] === quietRegion.user.email)).toBe(false);

    // A restart in the same week plans the same job again: it already ran, nothing is sent.
    await planChallengeDigest(t.db, now);
    expect(await runDueJobs(t.db, handlers, () => now)).toBe(0);
    await mailer.kick();
    expect(smtp.mails).toHaveLength(2);

    // The job planned next week's digest itself, for the following Monday morning.
    const next = await t.db
      .selectFrom("jobs")
      .select(["key", "run_at"])
      .where("kind", "=", DIGEST_JOB)
      .where("done_at", "is", null)
      .execute();
    expect(next).toHaveLength(1);
    expect(next[0]!.key).toBe(`${DIGEST_JOB}:${isoWeek(new Date(now.getTime() + WEEK))}`);
    expect(new Date(next[0]!.run_at).getTime()).toBeGreaterThan(now.getTime());
    expect(new Date(next[0]!.run_at).getUTCDay()).toBe(1);
  });

  it("names ISO weeks as the calendar does, across a year's end", () => {
    expect(isoWeek(new Date("2026-12-05T12:00:00Z"))).toBe("2026-W49");
    expect(isoWeek(new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeek(new Date("2025-12-29T00:30:00Z"))).toBe("2026-W01");
  });
});
