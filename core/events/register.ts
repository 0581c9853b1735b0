import { sql } from "kysely";
import type { RegistrationStatus } from "../../db/schema.ts";
import type { Db, Reader, Tx } from "../kernel/tx.ts";
import type { Locale } from "../../i18n/index.ts";
import { hashToken } from "../accounts/tokens.ts";
import { sign, verify } from "../kernel/signing.ts";
import {
  conflict,
  fail,
  failure,
  gone,
  notFound,
  ok,
  type Failure,
  type Result,
} from "../kernel/result.ts";
import { validate } from "../kernel/validate.ts";
import { queueEventMail } from "./mails.ts";
import {
  checkAnswers,
  eventQuestionsSchema,
  registrationSchema,
  type RegistrationInput,
} from "./schema.ts";

/**
 * The link in every mail about a registration: signed, so it needs no account and cannot be
 * guessed, and the same in every mail, so an older mail's link keeps working.
 */
export const registrationToken = (db: Reader, registrationId: string) =>
  sign(db, "registration", registrationId);

/** The registration a link stands for, or null for a forged or mangled link. */
export const registrationFromToken = (db: Reader, token: string) =>
  verify(db, "registration", token);

export interface RegisterOptions {
  publicUrl: string;
  language: Locale;
  invitationToken?: string | null;
  now?: Date;
}

export type RegisterOutcome =
  | { status: "confirmed" | "waitlisted"; registrationId: string; token: string; again: false }
  /** Registered before with this address: nothing new, the mail with the link goes out again. */
  | { status: "confirmed" | "waitlisted"; registrationId: string; token: string; again: true }
  /** The honeypot was filled in: answered as a success, nothing stored, nothing sent. */
  | { status: "ignored" };

/** The event with its region's slug, locked for the rest of the transaction. */
async function lockEvent(trx: Tx, eventId: string) {
  return (
    trx
      .selectFrom("events as e")
      .innerJoin("regions as r", "r.id", "e.region_id")
      .select([
        "e.id",
        "e.region_id",
        "e.slug",
        "e.title",
        "e.summary",
        "e.starts_at",
        "e.ends_at",
        "e.mode",
        "e.address",
        "e.room",
        "e.online_url",
        "e.status",
        "e.follow_up_url",
        "e.updated_at",
        "e.capacity",
        "e.waitlist",
        "e.registration_deadline",
        "e.registration_closed",
        "e.invitation_only",
        "e.questions",
        "r.slug as region_slug",
      ])
      .where("e.id", "=", eventId)
      // Every change to who has a place goes through this lock, one event at a time: two requests
      // can never both see the last free seat.
      .forUpdate("e")
      .executeTakeFirst()
  );
}

export type LockedEvent = NonNullable<Awaited<ReturnType<typeof lockEvent>>>;

async function confirmedCount(trx: Tx, eventId: string): Promise<number> {
  const row = await trx
    .selectFrom("registrations")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("event_id", "=", eventId)
    .where("status", "=", "confirmed")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Why a registration is refused now (by its kind: ended, or not possible now), or null. */
function closedReason(event: LockedEvent, now: Date): Failure | null {
  if (event.status !== "published") return conflict("events.notOpen");
  if (new Date(event.starts_at).getTime() <= now.getTime()) return gone("events.started");
  if (event.registration_closed) return conflict("events.closed");
  if (event.registration_deadline && new Date(event.registration_deadline) < now)
    return gone("events.deadlinePassed");
  return null;
}

async function redeemInvitation(trx: Tx, eventId: string, token: string | null | undefined) {
  if (!token || token.length > 100) return false;
  const used = await trx
    .updateTable("event_invitations")
    .set((eb) => ({ uses: eb("uses", "+", 1) }))
    .where("event_id", "=", eventId)
    .where("token_hash", "=", hashToken(token))
    .where("revoked_at", "is", null)
    .where((eb) => eb.or([eb("max_uses", "is", null), eb("uses", "<", eb.ref("max_uses"))]))
    .returning("id")
    .executeTakeFirst();
  return used !== undefined;
}

/**
 * Registers one person for one event: a place while there is one, else the waitlist (when the
 * event keeps one), else a clear refusal. The same address registering again gets its existing
 * registration back and its mail sent again: never a second row. The answer is the same for a
 * new and a repeated registration, so the form does not reveal who registered.
 */
export async function registerInTransaction(
  trx: Tx,
  event: LockedEvent,
  v: RegistrationInput,
  answers: Record<string, string | boolean>,
  opts: RegisterOptions,
): Promise<Result<RegisterOutcome>> {
  const now = opts.now ?? new Date();
  const refusal = closedReason(event, now);
  if (refusal) return refusal;
  const existing = await trx
    .selectFrom("registrations")
    .select(["id", "status", "name", "language"])
    .where("event_id", "=", event.id)
    .where("email", "=", v.email)
    .executeTakeFirst();
  if (existing && existing.status !== "cancelled") {
    const status = existing.status as "confirmed" | "waitlisted";
    const token = await registrationToken(trx, existing.id);
    await queueEventMail(
      trx,
      status === "confirmed" ? "confirmed" : "waitlisted",
      event,
      {
        registrationId: existing.id,
        email: v.email,
        name: existing.name,
        language: existing.language,
      },
      { publicUrl: opts.publicUrl, token },
    );
    return ok({ status, registrationId: existing.id, token, again: true });
  }
  if (event.invitation_only && !(await redeemInvitation(trx, event.id, opts.invitationToken)))
    return failure("forbidden", "events.invitationNeeded");
  const taken = await confirmedCount(trx, event.id);
  const status: RegistrationStatus =
    event.capacity === null || taken < event.capacity ? "confirmed" : "waitlisted";
  if (status === "waitlisted" && !event.waitlist) return conflict("events.full");
  const values = {
    name: v.name,
    organisation: v.organisation,
    sector: v.sector || null,
    role: v.role,
    answers: JSON.stringify(answers),
    diet: v.diet,
    accessibility: v.accessibility,
    language: opts.language,
    status,
    consent_at: now,
  };
  const row = existing
    ? await trx
        .updateTable("registrations")
        .set({
          ...values,
          // Back in line at the end: a cancelled place is not kept for whoever comes back.
          seq: sql`nextval('registrations_seq_seq')`,
          cancelled_at: null,
          promoted_at: null,
          updated_at: sql`now()`,
        })
        .where("id", "=", existing.id)
        .returning("id")
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto("registrations")
        .values({ ...values, event_id: event.id, region_id: event.region_id, email: v.email })
        .returning("id")
        .executeTakeFirstOrThrow();
  const token = await registrationToken(trx, row.id);
  await queueEventMail(
    trx,
    status,
    event,
    {
      registrationId: row.id,
      email: v.email,
      name: v.name,
      language: opts.language,
    },
    { publicUrl: opts.publicUrl, token },
  );
  return ok({ status, registrationId: row.id, token, again: false });
}

/** Parses the form (fields and the organiser's questions) for an event; nothing is written. */
export function parseRegistration(
  questionsJson: unknown,
  input: unknown,
): Result<{ v: RegistrationInput; answers: Record<string, string | boolean> }> {
  const parsed = validate(registrationSchema, input);
  const questions = eventQuestionsSchema.safeParse(questionsJson);
  const answers = checkAnswers(
    questions.success ? questions.data : [],
    (input ?? {}) as Record<string, unknown>,
  );
  if (!parsed.ok || !answers.ok) {
    const fieldErrors = { ...(parsed.ok ? {} : parsed.fieldErrors) };
    if (!answers.ok) fieldErrors[answers.field] = { key: answers.key };
    return fail("validation.failed", fieldErrors);
  }
  return ok({ v: parsed.value, answers: answers.value });
}

/** A visitor registers for an event of the public agenda. */
export async function register(
  db: Db,
  eventId: string,
  input: unknown,
  opts: RegisterOptions,
): Promise<Result<RegisterOutcome>> {
  const questions = await db
    .selectFrom("events")
    .select("questions")
    .where("id", "=", eventId)
    .executeTakeFirst();
  if (!questions) return notFound();
  const parsed = parseRegistration(questions.questions, input);
  if (!parsed.ok) return parsed;
  if (parsed.value.v.website.trim() !== "") return ok({ status: "ignored" });
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId);
    if (!event) return notFound();
    return registerInTransaction(trx, event, parsed.value.v, parsed.value.answers, opts);
  });
}

/**
 * Registration for a whole series: one registration per upcoming event, in one transaction.
 * Events are locked in id order so that two series registrations cannot wait on each other.
 */
export async function registerForSeries(
  db: Db,
  seriesId: string,
  input: unknown,
  opts: RegisterOptions,
): Promise<Result<{ outcomes: { eventId: string; status: string }[] }>> {
  const events = await db
    .selectFrom("events")
    .select(["id", "questions", "starts_at"])
    .where("series_id", "=", seriesId)
    .where("status", "=", "published")
    .where("starts_at", ">", opts.now ?? new Date())
    .orderBy("id")
    .execute();
  if (events.length === 0) return conflict("events.notOpen");
  // The series form asks the questions of its first session (the list is in lock order, by id).
  const first = events.reduce((a, b) =>
    new Date(b.starts_at).getTime() < new Date(a.starts_at).getTime() ? b : a,
  );
  const parsed = parseRegistration(first.questions, input);
  if (!parsed.ok) return parsed;
  if (parsed.value.v.website.trim() !== "") return ok({ outcomes: [] });
  return db.transaction().execute(async (trx) => {
    const outcomes: { eventId: string; status: string }[] = [];
    let firstRefusal: Failure | null = null;
    for (const e of events) {
      const event = await lockEvent(trx, e.id);
      if (!event) continue;
      const r = await registerInTransaction(trx, event, parsed.value.v, parsed.value.answers, opts);
      if (!r.ok) firstRefusal ??= r;
      outcomes.push({ eventId: e.id, status: r.ok ? r.value.status : r.error.key });
    }
    // Every session refused (all full, or closed): the refusal says why, as for a single event.
    if (
      firstRefusal &&
      !outcomes.some((o) => o.status === "confirmed" || o.status === "waitlisted")
    )
      return firstRefusal;
    return ok({ outcomes });
  });
}

/**
 * Gives free places to the waitlist, first in line first, and tells each person by mail. Runs in
 * the transaction that freed the place (a cancellation, a larger capacity), under the event lock.
 */
export async function fillFromWaitlist(
  trx: Tx,
  eventId: string,
  opts: { publicUrl: string },
): Promise<number> {
  const event = await lockEvent(trx, eventId);
  if (!event || event.status === "cancelled") return 0;
  const free =
    event.capacity === null
      ? Number.MAX_SAFE_INTEGER
      : event.capacity - (await confirmedCount(trx, eventId));
  if (free <= 0) return 0;
  const promoted = await trx
    .updateTable("registrations")
    .set({ status: "confirmed", promoted_at: sql`now()`, updated_at: sql`now()` })
    .where(
      "id",
      "in",
      trx
        .selectFrom("registrations")
        .select("id")
        .where("event_id", "=", eventId)
        .where("status", "=", "waitlisted")
        .orderBy("seq")
        .limit(Math.min(free, 100_000)),
    )
    .returning(["id", "email", "name", "language"])
    .execute();
  for (const r of promoted) {
    const token = await registrationToken(trx, r.id);
    await queueEventMail(
      trx,
      "promoted",
      event,
      { ...r, registrationId: r.id },
      {
        publicUrl: opts.publicUrl,
        token,
      },
    );
  }
  return promoted.length;
}
