import { sql } from "kysely";
import type { Locale } from "../../i18n/index.ts";
import { hashToken, newToken } from "../accounts/tokens.ts";
import { queueMail } from "../mail/outbox.ts";
import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { isId, LIMITS, optionalText, text, validate } from "../kernel/validate.ts";
import { z } from "zod";
import { translator } from "../../i18n/index.ts";
import { eventPageUrl } from "./mails.ts";
import { registrationToken } from "./register.ts";
import { slugFrom } from "../kernel/slug.ts";

async function ownEvent(scope: RegionScope, eventId: string) {
  if (!isId(eventId)) return null;
  return (
    (await scope.db
      .selectFrom("events as e")
      .innerJoin("regions as r", "r.id", "e.region_id")
      .select(["e.id", "e.slug", "e.title", "e.questions", "r.slug as region_slug"])
      .where("e.id", "=", eventId)
      .where("e.region_id", "=", scope.regionId)
      .executeTakeFirst()) ?? null
  );
}

/** Check-in on the day, one tap per person; tapping again undoes a mistake. Facilitators too. */
export async function setCheckedIn(
  scope: RegionScope,
  registrationId: string,
  present: boolean,
): Promise<Result<{ present: boolean }>> {
  if (!hasRole(scope.role, "facilitator")) return forbidden();
  if (!isId(registrationId)) return notFound();
  const row = await scope.db
    .updateTable("registrations")
    .set({ checked_in_at: present ? sql`now()` : null, updated_at: sql`now()` })
    .where("id", "=", registrationId)
    .where("region_id", "=", scope.regionId)
    .where("status", "=", "confirmed")
    .returning("id")
    .executeTakeFirst();
  return row ? ok({ present }) : notFound();
}

const messageSchema = z.object({
  subject: text(LIMITS.name),
  body: text(LIMITS.longText),
  audience: z.enum(["confirmed", "waitlisted", "all"], { error: "validation.choice" }),
});

/**
 * A message from the organiser to everyone registered (or only those with a place, or only the
 * waitlist); each mail carries the person's own link, so nobody sees anyone else's address.
 */
export async function messageRegistrants(
  scope: RegionScope,
  eventId: string,
  input: unknown,
  opts: { publicUrl: string },
): Promise<Result<{ sent: number }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  const event = await ownEvent(scope, eventId);
  if (!event) return notFound();
  const parsed = validate(messageSchema, input);
  if (!parsed.ok) return parsed;
  const { subject, body, audience } = parsed.value;
  return scope.db.transaction().execute(async (trx) => {
    const people = await trx
      .selectFrom("registrations")
      .select(["id", "email", "name", "language"])
      .where("event_id", "=", event.id)
      .where("anonymised_at", "is", null)
      .where("status", "in", audience === "all" ? ["confirmed", "waitlisted"] : [audience])
      .execute();
    for (const p of people) {
      const t = translator(p.language as Locale);
      await queueMail(trx, {
        regionId: scope.regionId,
        to: p.email,
        registrationId: p.id,
        subject: `${subject} · ${event.title}`,
        text: [
          t("eventMail.greeting", { name: p.name }),
          "",
          body,
          "",
          `${t("eventMail.page")}: ${eventPageUrl(opts.publicUrl, event)}`,
          "",
          t("eventMail.manage"),
          `${opts.publicUrl}/registration/${await registrationToken(trx, p.id)}`,
          "",
          t("mail.signature"),
        ].join("\n"),
      });
    }
    return ok({ sent: people.length });
  });
}

/** An invitation link for an invitation-only event; the token is shown once, its hash kept. */
export async function createEventInvitation(
  scope: RegionScope,
  eventId: string,
  input: unknown,
): Promise<Result<{ token: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  const event = await ownEvent(scope, eventId);
  if (!event) return notFound();
  const parsed = validate(
    z.object({
      label: optionalText(200),
      maxUses: z
        .union([z.string(), z.number()])
        .default("")
        .transform((v) => (String(v).trim() === "" ? null : Number(v)))
        .pipe(z.number().int().min(1).max(100_000).nullable()),
    }),
    input,
  );
  if (!parsed.ok) return parsed;
  const token = newToken();
  await scope.db
    .insertInto("event_invitations")
    .values({
      event_id: event.id,
      token_hash: hashToken(token),
      label: parsed.value.label,
      max_uses: parsed.value.maxUses,
    })
    .execute();
  return ok({ token });
}

export async function listEventInvitations(scope: RegionScope, eventId: string) {
  const event = await ownEvent(scope, eventId);
  if (!event) return [];
  return scope.db
    .selectFrom("event_invitations")
    .select(["id", "label", "max_uses", "uses", "created_at", "revoked_at"])
    .where("event_id", "=", event.id)
    .orderBy("created_at")
    .execute();
}

export async function revokeEventInvitation(
  scope: RegionScope,
  eventId: string,
  invitationId: string,
): Promise<Result<{ revoked: boolean }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  const event = await ownEvent(scope, eventId);
  if (!event || !isId(invitationId)) return notFound();
  const row = await scope.db
    .updateTable("event_invitations")
    .set({ revoked_at: sql`now()` })
    .where("id", "=", invitationId)
    .where("event_id", "=", event.id)
    .returning("id")
    .executeTakeFirst();
  return row ? ok({ revoked: true }) : notFound();
}

const seriesSchema = z.object({
  title: text(LIMITS.name),
  description: optionalText(10_000),
  registrationMode: z.enum(["series", "event"], { error: "validation.choice" }),
});

/** A series groups events; registration is for the whole series or per event. */
export async function createSeries(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string; slug: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  const parsed = validate(seriesSchema, input);
  if (!parsed.ok) return parsed;
  const base = slugFrom(parsed.value.title);
  for (let i = 1; i < 50; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    const row = await scope.db
      .insertInto("event_series")
      .values({
        region_id: scope.regionId,
        slug,
        title: parsed.value.title,
        description: parsed.value.description,
        registration_mode: parsed.value.registrationMode,
      })
      .onConflict((oc) => oc.columns(["region_id", "slug"]).doNothing())
      .returning(["id", "slug"])
      .executeTakeFirst();
    if (row) return ok(row);
  }
  return fail("validation.failed", { title: { key: "events.slugTaken" } });
}
