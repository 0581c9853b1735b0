import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { anonymiseExpiredRegistrations } from "./anonymise.ts";
import { cancelRegistration } from "./cancelRegistration.ts";
import { createEvent } from "./createEvent.ts";
import { eraseRegistration } from "./eraseRegistration.ts";
import { setEventStatus } from "./setEventStatus.ts";
import { updateEvent } from "./updateEvent.ts";
import { register, registrationFromToken, registrationToken } from "./register.ts";
import { toLocalInput } from "../kernel/time.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const opts = { publicUrl: "http://lr.test", language: "nl" as const };
const DAY = 24 * 3600 * 1000;

function eventForm(over: Record<string, string> = {}) {
  const start = new Date(Date.now() + 10 * DAY);
  return {
    title: "Kennissessie lerende regio",
    kind: "knowledge_session",
    mode: "on_site",
    address: "Ruitenberglaan 26, Arnhem",
    room: "A.1.01",
    startsAt: toLocalInput(start),
    endsAt: toLocalInput(new Date(start.getTime() + 2 * 3600 * 1000)),
    capacity: "3",
    waitlist: "on",
    reminderDays: "2",
    ...over,
  };
}

async function publishedEvent(scope: RegionScope, over: Record<string, string> = {}) {
  const created = await createEvent(scope, eventForm(over));
  if (!created.ok) throw new Error(JSON.stringify(created));
  await setEventStatus(scope, created.value.id, "published");
  return created.value.id;
}

const person = (i: number, over: Record<string, string> = {}) => ({
  name: `Deelnemer ${i}`,
  email: `deelnemer${i}@example.org`,
  sector: "hbo",
  consent: "on",
  ...over,
});

async function rows(eventId: string) {
  return t.db
    .selectFrom("registrations")
    .select(["id", "email", "status", "seq", "promoted_at"])
    .where("event_id", "=", eventId)
    .orderBy("seq")
    .execute();
}

describe("registration with capacity and a waitlist", () => {
  it("gives places while there are any, then the waitlist, and refuses when there is no waitlist", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const eventId = await publishedEvent(scope, { capacity: "2" });
    const outcomes = [];
    for (let i = 0; i < 4; i++) {
      const r = await register(t.db, eventId, person(i), opts);
      outcomes.push(r.ok && "status" in r.value ? r.value.status : r);
    }
    expect(outcomes).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted"]);

    const strict = await publishedEvent(scope, { capacity: "1", waitlist: "" });
    expect((await register(t.db, strict, person(1), opts)).ok).toBe(true);
    const refused = await register(t.db, strict, person(2), opts);
    expect(refused).toMatchObject({ ok: false, error: { key: "events.full" } });
    expect(await rows(strict)).toHaveLength(1);
  });

  it("keeps one registration per address, and mails the link again instead of adding a row", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const eventId = await publishedEvent(scope);
    await register(t.db, eventId, person(1), opts);
    const again = await register(
      t.db,
      eventId,
      person(1, { email: " DEELNEMER1@example.org " }),
      opts,
    );
    expect(again).toMatchObject({ ok: true, value: { status: "confirmed", again: true } });
    expect(await rows(eventId)).toHaveLength(1);
    const mails = await t.db
      .selectFrom("outbox")
      .select(["subject", "attachments"])
      .where("to_address", "=", "deelnemer1@example.org")
      .execute();
    expect(mails.length).toBeGreaterThanOrEqual(2);
    expect(mails[0]!.attachments[0]!.content).toContain("BEGIN:VEVENT");
  });

  it("refuses bad input, after the deadline, when closed or started, with a reason, and stores nothing", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const eventId = await publishedEvent(scope);
    const bad = await register(t.db, eventId, { name: "", email: "geen-adres", consent: "" }, opts);
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.fieldErrors).toMatchObject({
        name: { key: "validation.required" },
        email: { key: "validation.email" },
        consent: { key: "events.consentNeeded" },
      });
    const huge = await register(t.db, eventId, person(1, { name: "x".repeat(5000) }), opts);
    expect(huge.ok).toBe(false);
    const late = await register(t.db, eventId, person(2), {
      ...opts,
      now: new Date(Date.now() + 11 * DAY),
    });
    expect(late).toMatchObject({ ok: false, error: { key: "events.started" } });
    const deadline = await publishedEvent(scope, {
      registrationDeadline: toLocalInput(new Date(Date.now() + DAY)),
    });
    const afterDeadline = await register(t.db, deadline, person(3), {
      ...opts,
      now: new Date(Date.now() + 2 * DAY),
    });
    expect(afterDeadline).toMatchObject({ ok: false, error: { key: "events.deadlinePassed" } });
    expect(await rows(eventId)).toHaveLength(0);
    expect(await rows(deadline)).toHaveLength(0);
  });

  it("ignores a filled-in honeypot without storing or sending anything", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const eventId = await publishedEvent(scope);
    const r = await register(t.db, eventId, person(9, { website: "http://spam.example" }), opts);
    expect(r).toEqual({ ok: true, value: { status: "ignored" } });
    expect(await rows(eventId)).toHaveLength(0);
  });

  it("promotes the first on the waitlist when someone cancels, and tells them", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const eventId = await publishedEvent(scope, { capacity: "1" });
    const first = await register(t.db, eventId, person(1), opts);
    await register(t.db, eventId, person(2), opts);
    await register(t.db, eventId, person(3), opts);
    if (!first.ok || !("token" in first.value)) throw new Error("no token");
    const cancelled = await cancelRegistration(t.db, first.value.token, opts);
    expect(cancelled).toMatchObject({ ok: true, value: { promoted: 1 } });
    const after = await rows(eventId);
    expect(after.map((r) => [r.email, r.status])).toEqual([
      ["deelnemer1@example.org", "cancelled"],
      ["deelnemer2@example.org", "confirmed"],
      ["deelnemer3@example.org", "waitlisted"],
    ]);
    const promotedMail = await t.db
      .selectFrom("outbox")
      .select("subject")
      .where("to_address", "=", "deelnemer2@example.org")
      .where("subject", "like", "Er is een plaats voor je%")
      .execute();
    expect(promotedMail).toHaveLength(1);
    // Cancelling twice changes nothing more.
    expect(await cancelRegistration(t.db, first.value.token, opts)).toMatchObject({
      ok: true,
      value: { already: true, promoted: 0 },
    });
  });

  it("refuses a forged cancellation link and changes nothing", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const eventId = await publishedEvent(scope);
    const r = await register(t.db, eventId, person(1), opts);
    if (!r.ok || !("registrationId" in r.value)) throw new Error("no registration");
    const forged = `${r.value.registrationId}.${"A".repeat(32)}`;
    expect(await cancelRegistration(t.db, forged, opts)).toMatchObject({
      ok: false,
      error: { key: "events.linkInvalid" },
    });
    expect(await cancelRegistration(t.db, "nonsense", opts)).toMatchObject({ ok: false });
    expect((await rows(eventId))[0]!.status).toBe("confirmed");
  });

  it("erases a registrant's details from their link, giving their place to the waitlist", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const eventId = await publishedEvent(scope, { capacity: "1" });
    const r = await register(t.db, eventId, person(1), opts);
    await register(t.db, eventId, person(2), opts);
    if (!r.ok || !("token" in r.value)) throw new Error("no token");
    expect(await eraseRegistration(t.db, r.value.token, opts)).toMatchObject({ ok: true });
    const after = await rows(eventId);
    expect(after[0]!.email).toMatch(/^erased-.*@invalid$/);
    expect(after[1]).toMatchObject({ email: "deelnemer2@example.org", status: "confirmed" });
    // The link has done its work: it no longer opens anything.
    expect(await cancelRegistration(t.db, r.value.token, opts)).toMatchObject({ ok: false });
  });

  it("moves the waitlist up when the organiser raises the capacity", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const eventId = await publishedEvent(scope, { capacity: "1" });
    for (let i = 1; i <= 3; i++) await register(t.db, eventId, person(i), opts);
    const raised = await updateEvent(scope, eventId, eventForm({ capacity: "2" }), opts);
    expect(raised).toMatchObject({ ok: true, value: { promoted: 1 } });
    expect((await rows(eventId)).map((r) => r.status)).toEqual([
      "confirmed",
      "confirmed",
      "waitlisted",
    ]);
  });
});

describe("retention of registrations", () => {
  it("anonymises registrations of events that ended longer ago than the region keeps them", async () => {
    const { scope, region } = await makeScope(t.db, "organiser");
    await t.db
      .updateTable("regions")
      .set({ retention_months: 6 })
      .where("id", "=", region.id)
      .execute();
    const event = async (slug: string, endedDaysAgo: number) =>
      (
        await t.db
          .insertInto("events")
          .values({
            region_id: scope.regionId,
            slug,
            kind: "workshop",
            title: slug,
            mode: "online",
            starts_at: new Date(Date.now() - (endedDaysAgo + 1) * DAY),
            ends_at: new Date(Date.now() - endedDaysAgo * DAY),
            status: "published",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const old = await event("lang-geleden", 200);
    const recent = await event("onlangs", 30);
    for (const [eventId, i] of [
      [old, 1],
      [recent, 2],
    ] as const)
      await t.db
        .insertInto("registrations")
        .values({
          event_id: eventId,
          region_id: scope.regionId,
          name: person(i).name,
          email: person(i).email,
          sector: "hbo",
          status: "confirmed",
          consent_at: new Date(),
        })
        .execute();
    expect(await t.db.transaction().execute((tx) => anonymiseExpiredRegistrations(tx))).toBe(1);
    const [gone] = await rows(old);
    expect(gone!.email).toMatch(/^erased-.*@invalid$/);
    expect(gone!.status).toBe("confirmed");
    expect((await rows(recent))[0]!.email).toBe("deelnemer2@example.org");
    expect(await t.db.transaction().execute((tx) => anonymiseExpiredRegistrations(tx))).toBe(0);
  });
});

/**
 * Invariants under any interleaving: rounds of registrations and cancellations run concurrently
 * (each address at most once per round, so the expected outcome is defined), against the real
 * database. On PostgreSQL the requests truly overlap; PGlite runs them one by one in some order.
 */
describe("registration invariants (property)", () => {
  const op = fc.record({
    kind: fc.constantFrom("register", "register", "cancel"),
    who: fc.integer({ min: 0, max: 7 }),
  });
  const rounds = fc.array(
    fc.uniqueArray(op, { selector: (o) => o.who, minLength: 1, maxLength: 6 }),
    { minLength: 1, maxLength: 5 },
  );

  it("never exceeds capacity, promotes in order, and loses or duplicates nothing", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), rounds, async (capacity, plan) => {
        const eventId = await publishedEvent(scope, { capacity: String(capacity) });
        const active = new Set<number>();
        const tokens = new Map<number, string>();
        for (const round of plan) {
          const results = await Promise.all(
            round.map(async (o) => {
              if (o.kind === "register") {
                const r = await register(t.db, eventId, person(o.who), opts);
                if (!r.ok || !("token" in r.value)) throw new Error(JSON.stringify(r));
                tokens.set(o.who, r.value.token);
                return { o, ok: true };
              }
              const token = tokens.get(o.who);
              if (!token) return { o, ok: false };
              const r = await cancelRegistration(t.db, token, opts);
              if (!r.ok) throw new Error(JSON.stringify(r));
              return { o, ok: true };
            }),
          );
          for (const { o, ok } of results) {
            if (!ok) continue;
            if (o.kind === "register") active.add(o.who);
            else active.delete(o.who);
          }
          const now = await rows(eventId);
          const confirmed = now.filter((r) => r.status === "confirmed");
          const waiting = now.filter((r) => r.status === "waitlisted");
          expect(confirmed.length).toBeLessThanOrEqual(capacity);
          // Nobody waits while a place is free.
          if (waiting.length > 0) expect(confirmed.length).toBe(capacity);
          // Promotion follows the line: everyone promoted joined before anyone still waiting.
          for (const p of now.filter((r) => r.promoted_at && r.status === "confirmed"))
            for (const w of waiting) expect(BigInt(p.seq)).toBeLessThan(BigInt(w.seq));
          // Exactly the people who registered and did not cancel are in, each once.
          const inNow = now
            .filter((r) => r.status !== "cancelled")
            .map((r) => r.email)
            .sort();
          expect(inNow).toEqual([...active].map((i) => person(i).email).sort());
          expect(new Set(now.map((r) => r.email)).size).toBe(now.length);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("accepts a link only for the registration it was signed for", async () => {
    const a = "00000000-0000-4000-8000-00000000000a";
    const b = "00000000-0000-4000-8000-00000000000b";
    const token = await registrationToken(t.db, a);
    expect(await registrationFromToken(t.db, token)).toBe(a);
    const moved = `${b}.${token.split(".")[1]}`;
    expect(await registrationFromToken(t.db, moved)).toBeNull();
  });
});
