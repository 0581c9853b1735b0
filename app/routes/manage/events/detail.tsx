import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/detail";
import { challengesLinkedTo } from "../../../../core/challenges/queries.ts";
import { ServesChallenges } from "../../../components/challenges/ServesChallenges.tsx";
import { formatJoinCode } from "../../../../core/dialogue/joinCode.ts";
import { addEventQuestion } from "../../../../core/events/addEventQuestion.ts";
import { cancelEvent } from "../../../../core/events/cancelEvent.ts";
import { createEventInvitation } from "../../../../core/events/createEventInvitation.ts";
import { duplicateEvent } from "../../../../core/events/duplicateEvent.ts";
import { inviteToDialogue } from "../../../../core/events/inviteToDialogue.ts";
import { eventPolicy } from "../../../../core/events/policy.ts";
import {
  dialogueTemplateChoices,
  eventDialogues,
  eventFigures,
  findEvent,
  listEventInvitations,
  listSeries,
} from "../../../../core/events/queries.ts";
import { removeEventQuestion } from "../../../../core/events/removeEventQuestion.ts";
import { revokeEventInvitation } from "../../../../core/events/revokeEventInvitation.ts";
import { setEventStatus } from "../../../../core/events/setEventStatus.ts";
import { setRegistrationClosed } from "../../../../core/events/setRegistrationClosed.ts";
import { startEventDialogue } from "../../../../core/events/startEventDialogue.ts";
import { updateEvent } from "../../../../core/events/updateEvent.ts";
import { formatEventTime, toLocalInput } from "../../../../core/kernel/time.ts";
import { SECTORS } from "../../../../core/kernel/sectors.ts";
import { FormError, PostForm, SubmitButton } from "../../../components/form.tsx";
import { formatDateTime, isoDate } from "../../../lib/format.ts";
import { formObject, intent } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  getServices,
  notFound,
  refusedChange,
  requireRegion,
} from "../../../lib/request.server.ts";
import { EventFields, sentEventValues, type EventValues } from "./components.tsx";
import { deliverSoon } from "./deliver.server.ts";
import { EventDialogueSection } from "./EventDialogueSection.tsx";
import { EventFiguresSection } from "./EventFiguresSection.tsx";
import { EventInvitationsSection } from "./EventInvitationsSection.tsx";
import { EventQuestionsSection } from "./EventQuestionsSection.tsx";
import { errorsOf, Section, SectionNotice, type SentForm } from "./EventSection.tsx";
import { EventStatusSection } from "./EventStatusSection.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, eventPolicy.manage);
  const event = await findEvent(scope, params.id);
  if (!event) notFound(context);
  const { locale } = getRequestInfo(context);
  const [series, figures, invitations, dialogues, templates] = await Promise.all([
    listSeries(scope),
    eventFigures(scope, event.id),
    listEventInvitations(scope, event.id),
    eventDialogues(scope, event.id),
    dialogueTemplateChoices(scope),
  ]);
  const values: EventValues = {
    title: event.title,
    kind: event.kind,
    summary: event.summary,
    programme: event.programme,
    language: event.language,
    mode: event.mode,
    address: event.address,
    room: event.room,
    onlineUrl: event.online_url,
    startsAt: toLocalInput(event.starts_at),
    endsAt: toLocalInput(event.ends_at),
    organisers: event.organisers,
    facilitators: event.facilitators,
    costNote: event.cost_note,
    capacity: event.capacity === null ? "" : String(event.capacity),
    waitlist: event.waitlist,
    registrationDeadline: toLocalInput(event.registration_deadline),
    invitationOnly: event.invitation_only,
    reminderDays: event.reminder_days === null ? "" : String(event.reminder_days),
    followUpUrl: event.follow_up_url,
    seriesId: event.series_id ?? "",
  };
  const f = figures ?? {
    confirmed: 0,
    waitlisted: 0,
    cancelled: 0,
    attended: 0,
    noShow: null as number | null,
    registered: {} as Record<string, number>,
    attendedBySector: {} as Record<string, number>,
  };
  const sectorRows = [...SECTORS, "unknown"]
    .map((s) => ({
      sector: s,
      registered: f.registered[s] ?? 0,
      attended: f.attendedBySector[s] ?? 0,
    }))
    .filter((r) => r.sector !== "unknown" || r.registered > 0 || r.attended > 0);
  return {
    region: { slug: region.slug, name: region.name },
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      kind: event.kind,
      status: event.status,
      when: formatEventTime(event.starts_at, event.ends_at, locale),
      startsIso: isoDate(event.starts_at),
      language: event.language,
      capacity: event.capacity,
      registrationClosed: event.registration_closed,
      invitationOnly: event.invitation_only,
      questions: event.questions,
    },
    values,
    figures: {
      confirmed: f.confirmed,
      waitlisted: f.waitlisted,
      cancelled: f.cancelled,
      attended: f.attended,
      noShow: f.noShow,
      total: f.confirmed + f.waitlisted + f.cancelled,
    },
    sectorRows,
    series: series.map((s) => ({ id: s.id, title: s.title })),
    invitations: invitations.map((i) => ({
      id: i.id,
      label: i.label,
      uses: i.uses,
      maxUses: i.max_uses,
      created: formatDateTime(i.created_at, locale),
      createdIso: isoDate(i.created_at),
      revoked: i.revoked_at !== null,
    })),
    dialogues: dialogues.map((d) => ({
      id: d.id,
      title: d.title,
      code: formatJoinCode(d.join_code),
      status: d.status,
    })),
    templates,
    challenges: await challengesLinkedTo(scope, "event", event.id),
    title: `${event.title} · ${region.name}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, eventPolicy.manage);
  // Another region's id answers exactly as an id that does not exist, whatever was posted.
  const event = await findEvent(scope, params.id);
  if (!event) notFound(context);
  const { publicUrl } = getServices(context).config;
  const form = await request.formData();
  const sent = formObject(form);
  const page = `/manage/${region.slug}/events/${event.id}`;
  const done = (key: string, hash: string, n?: number) =>
    redirect(`${page}?done=${key}${n === undefined ? "" : `&n=${n}`}#${hash}`);
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };

  switch (intent(form)) {
    case "save": {
      const result = await updateEvent(scope, event.id, sent, { publicUrl });
      if (!result.ok) return refusedChange(context, result, "save", sentEventValues(sent));
      if (result.value.promoted === 0) return done("saved", "edit");
      deliverSoon(context);
      return done("promoted", "edit", result.value.promoted);
    }
    case "publish":
    case "draft": {
      const status = intent(form) === "publish" ? "published" : "draft";
      const result = await setEventStatus(scope, event.id, status);
      if (!result.ok) return refusedChange(context, result, "status", undefined);
      return done(status === "published" ? "published" : "drafted", "status");
    }
    case "cancelEvent": {
      const result = await cancelEvent(scope, event.id, {
        publicUrl,
        confirmed: field("confirm") === "on",
      });
      if (!result.ok) return refusedChange(context, result, "cancelEvent", undefined);
      deliverSoon(context);
      return done("cancelled", "status", result.value.notified);
    }
    case "closeRegistration":
    case "openRegistration": {
      const close = intent(form) === "closeRegistration";
      const result = await setRegistrationClosed(scope, event.id, close);
      if (!result.ok) return refusedChange(context, result, "status", undefined);
      return done(close ? "closed" : "opened", "status");
    }
    case "duplicate": {
      const result = await duplicateEvent(scope, event.id);
      if (!result.ok) return refusedChange(context, result, "status", undefined);
      return redirect(`/manage/${region.slug}/events/${result.value.id}?done=duplicated`);
    }
    case "addQuestion": {
      const result = await addEventQuestion(scope, event.id, sent);
      if (!result.ok)
        return refusedChange(context, result, "addQuestion", {
          label: field("label").slice(0, 1000),
          kind: field("kind"),
          options: field("options").slice(0, 5000),
          required: field("required") === "on",
        });
      return done("questionAdded", "questions");
    }
    case "removeQuestion": {
      const result = await removeEventQuestion(scope, event.id, field("questionId"));
      if (!result.ok) return refusedChange(context, result, "removeQuestion", undefined);
      return done("questionRemoved", "questions");
    }
    case "createInvitation": {
      const result = await createEventInvitation(scope, event.id, sent);
      if (!result.ok)
        return refusedChange(context, result, "createInvitation", {
          label: field("label").slice(0, 1000),
          maxUses: field("maxUses").slice(0, 20),
        });
      // Shown once, in this answer only: the database keeps just its hash.
      return data({
        ok: true as const,
        intent: "createInvitation" as const,
        link: `${publicUrl}/r/${region.slug}/events/${event.slug}?invitation=${encodeURIComponent(result.value.token)}`,
      });
    }
    case "revokeInvitation": {
      const result = await revokeEventInvitation(scope, event.id, field("invitationId"));
      if (!result.ok) return refusedChange(context, result, "revokeInvitation", undefined);
      return done("invitationRevoked", "invitations");
    }
    case "startDialogue": {
      const result = await startEventDialogue(scope, event.id, sent);
      if (!result.ok)
        return refusedChange(context, result, "startDialogue", {
          title: field("title").slice(0, 1000),
          template: field("template"),
          language: field("language"),
        });
      return done("dialogueStarted", "dialogue");
    }
    case "inviteDialogue": {
      const result = await inviteToDialogue(scope, event.id, field("sessionId"), { publicUrl });
      if (!result.ok) return refusedChange(context, result, "inviteDialogue", undefined);
      deliverSoon(context);
      return done("invited", "dialogue", result.value.sent);
    }
    default:
      return data(
        { ok: false as const, error: { key: "errors.badRequest" }, intent: "unknown" as const },
        { status: 400 },
      );
  }
}

export default function EventPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { region, event, values, figures, series } = loaderData;
  const ad = actionData as SentForm | undefined;
  const save = errorsOf(ad, "save");
  const base = `/manage/${region.slug}/events`;
  const page = `${base}/${event.id}`;
  const sections: [string, string][] = [
    ["figures", t("eventsAdmin.figuresTitle")],
    ["status", t("eventsAdmin.statusTitle")],
    ["edit", t("eventsAdmin.editTitle")],
    ["questions", t("eventsAdmin.questionsTitle")],
    ["invitations", t("eventsAdmin.invitationsTitle")],
    ["dialogue", t("eventsAdmin.dialogueTitle")],
  ];

  return (
    <>
      <p className="lr-breadcrumb">
        <Link className="utrecht-link" to={base}>
          {t("eventsAdmin.backToList")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{event.title}</h1>
      <SectionNotice section="top" />
      <p className="utrecht-paragraph">
        {t(`events.kinds.${event.kind}`)} · <time dateTime={event.startsIso}>{event.when}</time>
      </p>
      <p className="utrecht-paragraph">
        {t("eventsAdmin.statusLine", { status: t(`eventsAdmin.statuses.${event.status}`) })}
      </p>
      <ul className="lr-inline-links">
        <li>
          <Link className="utrecht-link" to={`${page}/registrations`}>
            {t("eventsAdmin.registrationsLink", { n: figures.total })}
          </Link>
        </li>
        <li>
          <Link className="utrecht-link" to={`${page}/checkin`}>
            {t("eventsAdmin.checkinLink")}
          </Link>
        </li>
        {event.status !== "draft" ? (
          <li>
            <a className="utrecht-link" href={`/r/${region.slug}/events/${event.slug}`}>
              {t("eventsAdmin.publicPage")}
            </a>
          </li>
        ) : null}
      </ul>
      <nav aria-label={t("eventsAdmin.pageNav")}>
        <ul className="lr-inline-links">
          {sections.map(([id, label]) => (
            <li key={id}>
              <a className="utrecht-link" href={`#${id}`}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <EventFiguresSection data={loaderData} />

      <EventStatusSection data={loaderData} sent={ad} />

      <Section id="edit" title={t("eventsAdmin.editTitle")}>
        <PostForm className="lr-form" noValidate>
          <input type="hidden" name="_intent" value="save" />
          <FormError error={save.error} />
          <EventFields
            values={
              ad?.intent === "save" && ad.values ? (ad.values as unknown as EventValues) : values
            }
            errors={save.fieldErrors}
            series={series}
          />
          <SubmitButton>{t("app.save")}</SubmitButton>
        </PostForm>
      </Section>

      <EventQuestionsSection data={loaderData} sent={ad} />

      <EventInvitationsSection data={loaderData} sent={ad} />

      <EventDialogueSection data={loaderData} sent={ad} />

      <ServesChallenges base={`/manage/${region.slug}`} challenges={loaderData.challenges} />
    </>
  );
}
