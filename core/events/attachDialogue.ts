import { translator, type Locale } from "../../i18n/index.ts";
import { createSession } from "../dialogue/createSession.ts";
import { formatJoinCode } from "../dialogue/joinCode.ts";
import { templateSchema, type LocalText } from "../dialogue/template.ts";
import { BUILTIN_TEMPLATES } from "../dialogue/templates/index.ts";
import { queueMail } from "../mail/outbox.ts";
import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";

async function ownEventId(scope: RegionScope, eventId: string) {
  if (!isId(eventId)) return null;
  const row = await scope.db
    .selectFrom("events")
    .select(["id", "title"])
    .where("id", "=", eventId)
    .where("region_id", "=", scope.regionId)
    .executeTakeFirst();
  return row ?? null;
}

/** The live dialogue sessions an event holds, oldest first. */
export async function eventDialogues(scope: RegionScope, eventId: string) {
  if (!isId(eventId)) return [];
  return scope.db
    .selectFrom("dialogue_sessions")
    .select(["id", "title", "join_code", "status", "created_at"])
    .where("region_id", "=", scope.regionId)
    .where("event_id", "=", eventId)
    .orderBy("created_at")
    .execute();
}

/** What a session can start from: the shipped templates, then the region's own. */
export async function dialogueTemplateChoices(
  scope: RegionScope,
): Promise<{ value: string; title: LocalText }[]> {
  const own = await scope.db
    .selectFrom("dialogue_templates")
    .select(["id", "title", "content"])
    .where("region_id", "=", scope.regionId)
    .orderBy("title")
    .execute();
  return [
    ...BUILTIN_TEMPLATES.map((b) => ({ value: b.key, title: b.template.title })),
    ...own.map((r) => {
      const parsed = templateSchema.safeParse(r.content);
      return {
        value: r.id,
        title: parsed.success ? parsed.data.title : { nl: r.title, en: r.title },
      };
    }),
  ];
}

/**
 * Starts a live session for an event: the session is made as on the dialogue page (same checks,
 * same template choice), belonging to the event from its first row.
 */
export async function startEventDialogue(
  scope: RegionScope,
  eventId: string,
  input: unknown,
): Promise<Result<{ id: string; joinCode: string }>> {
  if (!hasRole(scope.role, "facilitator")) return forbidden();
  const event = await ownEventId(scope, eventId);
  if (!event) return notFound();
  return createSession(scope, input, { eventId: event.id });
}

/**
 * Mails everyone with a confirmed place the link into one of the event's open sessions, in one
 * transaction: all the mails are queued, or none.
 */
export async function inviteToDialogue(
  scope: RegionScope,
  eventId: string,
  sessionId: unknown,
  opts: { publicUrl: string },
): Promise<Result<{ sent: number }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  const event = await ownEventId(scope, eventId);
  if (!event || !isId(sessionId)) return notFound();
  const session = await scope.db
    .selectFrom("dialogue_sessions")
    .select(["id", "title", "join_code", "status"])
    .where("id", "=", sessionId)
    .where("region_id", "=", scope.regionId)
    .where("event_id", "=", event.id)
    .executeTakeFirst();
  if (!session) return notFound();
  if (session.status !== "open") return fail("eventsAdmin.dialogueClosed");
  const link = `${opts.publicUrl}/live/${session.join_code}`;
  return scope.db.transaction().execute(async (trx) => {
    const people = await trx
      .selectFrom("registrations")
      .select(["id", "email", "name", "language"])
      .where("event_id", "=", event.id)
      .where("region_id", "=", scope.regionId)
      .where("status", "=", "confirmed")
      .where("anonymised_at", "is", null)
      .orderBy("seq")
      .execute();
    for (const p of people) {
      const t = translator(p.language as Locale);
      await queueMail(trx, {
        regionId: scope.regionId,
        to: p.email,
        registrationId: p.id,
        subject: t("eventAdminMail.dialogueInvite.subject", { title: event.title }),
        text: [
          t("eventMail.greeting", { name: p.name }),
          "",
          t("eventAdminMail.dialogueInvite.body", { title: event.title }),
          link,
          "",
          t("eventAdminMail.dialogueInvite.code", {
            url: `${opts.publicUrl}/live`,
            code: formatJoinCode(session.join_code),
          }),
          "",
          t("mail.signature"),
        ].join("\n"),
      });
    }
    return ok({ sent: people.length });
  });
}
