import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { seedRegion } from "../../test/regionWalk.ts";
import { anonymiseRegistration } from "../events/anonymise.ts";
import { queueMail } from "./outbox.ts";
import { resendMail } from "./resendMail.ts";

/**
 * A mail resent at the moment its recipient is erased: the resend holds the original while it
 * copies it (core/mail/resendMail.ts), and the erasure must take the copy along once the resend
 * commits, or the copy, with the registrant's personal link, would be sent after the erasure.
 * Only PostgreSQL can show it (PGlite is one connection); without TEST_DATABASE_URL it is skipped.
 */
describe.runIf(process.env.TEST_DATABASE_URL)("the outbox under concurrency", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("erases a registration's mail together with a copy resent while the erasure waited", async () => {
    const ids = await seedRegion(t.db, "resend");
    const mail = {
      regionId: ids.regionId,
      to: "aanmelding-resend@example.org",
      subject: "Je aanmelding",
      text: "Je eigen link: https://example.org/r/x/registration/geheim",
      registrationId: ids.registration,
    };
    const original = await t.db.transaction().execute((tx) => queueMail(tx, mail));
    let erasure: Promise<void> | undefined;
    // The locks resendMail takes, in its order, with the erasure started before the commit.
    await t.db.transaction().execute(async (resend) => {
      await resend
        .selectFrom("registrations")
        .select("id")
        .where("id", "=", ids.registration)
        .forShare()
        .execute();
      await resend
        .selectFrom("outbox")
        .select("id")
        .where("id", "=", original)
        .forShare()
        .execute();
      erasure = t.db.transaction().execute((tx) => anonymiseRegistration(tx, ids.registration));
      await sleep(300);
      await queueMail(resend, mail);
    });
    await erasure;
    const left = await t.db
      .selectFrom("outbox")
      .select("id")
      .where((eb) =>
        eb.or([eb("registration_id", "=", ids.registration), eb("to_address", "=", mail.to)]),
      )
      .execute();
    expect(left).toEqual([]);
  });

  it("resends and erases at once without a deadlock, and no mail of an erased registration stays", async () => {
    const ids = await seedRegion(t.db, "samen");
    const scope = { db: t.db, regionId: ids.regionId, userId: ids.user, role: "admin" as const };
    const registrations = await t.db
      .insertInto("registrations")
      .values(
        Array.from({ length: 8 }, (_, i) => ({
          event_id: ids.event,
          region_id: ids.regionId,
          email: `deelnemer-${i}@example.org`,
          name: `Deelnemer ${i}`,
          status: "confirmed" as const,
          consent_at: new Date(),
        })),
      )
      .returning(["id", "email"])
      .execute();
    const mails = await Promise.all(
      registrations.map((r) =>
        t.db.transaction().execute((tx) =>
          queueMail(tx, {
            regionId: ids.regionId,
            to: r.email,
            subject: "Je aanmelding",
            text: "Je eigen link",
            registrationId: r.id,
          }),
        ),
      ),
    );
    const outcomes = await Promise.all(
      registrations.flatMap((r, i) => [
        resendMail(scope, mails[i]),
        t.db.transaction().execute((tx) => anonymiseRegistration(tx, r.id)),
      ]),
    );
    // A resend either made its copy before the erasure, or found the mail gone.
    for (const o of outcomes.filter((o) => o !== undefined))
      expect(o).toSatisfy((r: { ok: boolean; kind?: string }) => r.ok || r.kind === "notFound");
    const left = await t.db
      .selectFrom("outbox")
      .select("id")
      .where(
        "registration_id",
        "in",
        registrations.map((r) => r.id),
      )
      .execute();
    expect(left).toEqual([]);
  });
});
