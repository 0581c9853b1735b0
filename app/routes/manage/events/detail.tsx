import type { ReactNode } from "react";
import { data, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/detail";
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
import {
  CheckboxField,
  Field,
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  type FieldErrors,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import type { Message } from "../../../../i18n/index.ts";
import { formatDateTime, isoDate } from "../../../lib/format.ts";
import { formObject, intent } from "../../../lib/form.server.ts";
import { useLocale, useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  getServices,
  notFound,
  refusedChange,
  requireRegion,
} from "../../../lib/request.server.ts";
import { EventFields, sentEventValues, type EventValues } from "./components.tsx";
import { deliverSoon } from "./deliver.server.ts";

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
    noShow: 0,
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

/** The message a redirect back here carries (`?done=…&n=…`), shown in the section it belongs to. */
const NOTICES: Record<string, { key: string; section: string }> = {
  created: { key: "eventsAdmin.created", section: "top" },
  duplicated: { key: "eventsAdmin.duplicated", section: "top" },
  saved: { key: "eventsAdmin.saved", section: "edit" },
  promoted: { key: "eventsAdmin.savedPromoted", section: "edit" },
  published: { key: "eventsAdmin.published", section: "status" },
  drafted: { key: "eventsAdmin.drafted", section: "status" },
  cancelled: { key: "eventsAdmin.cancelled", section: "status" },
  closed: { key: "eventsAdmin.closedDone", section: "status" },
  opened: { key: "eventsAdmin.openedDone", section: "status" },
  questionAdded: { key: "eventsAdmin.questionAdded", section: "questions" },
  questionRemoved: { key: "eventsAdmin.questionRemoved", section: "questions" },
  invitationRevoked: { key: "eventsAdmin.invitationRevokedDone", section: "invitations" },
  dialogueStarted: { key: "eventsAdmin.dialogueStarted", section: "dialogue" },
  invited: { key: "eventsAdmin.invitedToDialogue", section: "dialogue" },
};

function SectionNotice({ section }: { section: string }) {
  const t = useT();
  const [params] = useSearchParams();
  const notice = NOTICES[params.get("done") ?? ""];
  if (!notice || notice.section !== section) return null;
  const n = Number(params.get("n") ?? 0);
  return <Notice>{t(notice.key, { n: Number.isFinite(n) ? n : 0 })}</Notice>;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="lr-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 className="utrecht-heading-2" id={`${id}-title`}>
        {title}
      </h2>
      <SectionNotice section={id} />
      {children}
    </section>
  );
}

export default function EventPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { region, event, values, figures, sectorRows, series, invitations, dialogues, templates } =
    loaderData;
  const ad = actionData as
    | {
        ok: boolean;
        intent: string;
        error?: Message;
        fieldErrors?: FieldErrors;
        values?: Record<string, unknown>;
        link?: string;
      }
    | undefined;
  const errorsFor = (name: string) => errorsOf(ad, name);
  const save = errorsFor("save");
  const status = errorsFor("status");
  const cancel = errorsFor("cancelEvent");
  const question = errorsFor("addQuestion");
  const removeQ = errorsFor("removeQuestion");
  const invitation = errorsFor("createInvitation");
  const revoke = errorsFor("revokeInvitation");
  const dialogue = errorsFor("startDialogue");
  const invite = errorsFor("inviteDialogue");
  const base = `/manage/${region.slug}/events`;
  const page = `${base}/${event.id}`;
  const maxBar = Math.max(1, ...sectorRows.map((r) => Math.max(r.registered, r.attended)));
  const questionValues = ad?.intent === "addQuestion" ? ad.values : undefined;
  const invitationValues = ad?.intent === "createInvitation" && !ad.ok ? ad.values : undefined;
  const dialogueValues = ad?.intent === "startDialogue" ? ad.values : undefined;
  const newLink = ad?.intent === "createInvitation" && ad.ok ? ad.link : undefined;
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

      <Section id="figures" title={t("eventsAdmin.figuresTitle")}>
        <ul className="lr-figures" aria-label={t("eventsAdmin.figuresLabel")}>
          <li>
            <strong>{figures.confirmed}</strong>{" "}
            {event.capacity === null
              ? t("eventsAdmin.figConfirmed")
              : t("eventsAdmin.figConfirmedOf", { capacity: event.capacity })}
          </li>
          <li>
            <strong>{figures.waitlisted}</strong> {t("eventsAdmin.figWaitlist")}
          </li>
          <li>
            <strong>{figures.cancelled}</strong> {t("eventsAdmin.figCancelled")}
          </li>
          <li>
            <strong>{figures.attended}</strong> {t("eventsAdmin.figAttended")}
          </li>
          <li>
            <strong>{figures.noShow}</strong> {t("eventsAdmin.figNoShow")}
          </li>
        </ul>
        <h3 className="utrecht-heading-3">{t("eventsAdmin.sectorMixTitle")}</h3>
        <DataTable
          caption={t("eventsAdmin.sectorMixCaption")}
          columns={[
            t("eventsAdmin.sectorColumn"),
            t("eventsAdmin.registrantsColumn"),
            t("eventsAdmin.attendeesColumn"),
          ]}
        >
          {sectorRows.map((r) => (
            <Row key={r.sector}>
              <RowHeader>
                {r.sector === "unknown" ? t("eventsAdmin.sectorUnknown") : t(`sectors.${r.sector}`)}
              </RowHeader>
              <Cell>
                <span
                  className="lr-bar"
                  style={{ width: `${(r.registered / maxBar) * 8}rem` }}
                  aria-hidden="true"
                />
                {r.registered}
              </Cell>
              <Cell>
                <span
                  className="lr-bar"
                  style={{ width: `${(r.attended / maxBar) * 8}rem` }}
                  aria-hidden="true"
                />
                {r.attended}
              </Cell>
            </Row>
          ))}
        </DataTable>
      </Section>

      <Section id="status" title={t("eventsAdmin.statusTitle")}>
        <FormError error={status.error} />
        {event.status !== "published" ? (
          <PostForm className="lr-form">
            <p className="utrecht-paragraph">{t("eventsAdmin.publishHint")}</p>
            <SubmitButton name="_intent" value="publish">
              {t("eventsAdmin.publish")}
            </SubmitButton>
          </PostForm>
        ) : null}
        {event.status !== "draft" ? (
          <PostForm className="lr-form">
            <p className="utrecht-paragraph">{t("eventsAdmin.toDraftHint")}</p>
            <SubmitButton name="_intent" value="draft" kind="secondary">
              {t("eventsAdmin.toDraft")}
            </SubmitButton>
          </PostForm>
        ) : null}
        <h3 className="utrecht-heading-3">{t("eventsAdmin.sectionRegistration")}</h3>
        <PostForm className="lr-form">
          <p className="utrecht-paragraph">
            {event.registrationClosed
              ? t("eventsAdmin.registrationIsClosed")
              : t("eventsAdmin.registrationIsOpen")}
          </p>
          {event.registrationClosed ? (
            <SubmitButton name="_intent" value="openRegistration" kind="secondary">
              {t("eventsAdmin.openRegistration")}
            </SubmitButton>
          ) : (
            <SubmitButton name="_intent" value="closeRegistration" kind="secondary">
              {t("eventsAdmin.closeRegistration")}
            </SubmitButton>
          )}
        </PostForm>
        <h3 className="utrecht-heading-3">{t("eventsAdmin.duplicate")}</h3>
        <PostForm className="lr-form">
          <p className="utrecht-paragraph">{t("eventsAdmin.duplicateHint")}</p>
          <SubmitButton name="_intent" value="duplicate" kind="secondary">
            {t("eventsAdmin.duplicate")}
          </SubmitButton>
        </PostForm>
        {event.status !== "cancelled" ? (
          <>
            <h3 className="utrecht-heading-3">{t("eventsAdmin.cancelEvent")}</h3>
            <details className="lr-confirm" open={cancel.error ? true : undefined}>
              <summary>{t("eventsAdmin.cancelEvent")}</summary>
              <p className="utrecht-paragraph">{t("eventsAdmin.cancelEventQuestion")}</p>
              <PostForm className="lr-form" noValidate>
                <input type="hidden" name="_intent" value="cancelEvent" />
                <FormError error={cancel.error} />
                <CheckboxField
                  name="confirm"
                  label={t("eventsAdmin.cancelEventCheck")}
                  errors={cancel.fieldErrors}
                />
                <SubmitButton kind="danger">
                  {t("eventsAdmin.cancelEventConfirm", { title: event.title })}
                </SubmitButton>
              </PostForm>
            </details>
          </>
        ) : null}
      </Section>

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

      <Section id="questions" title={t("eventsAdmin.questionsTitle")}>
        <p className="utrecht-paragraph">{t("eventsAdmin.questionsIntro")}</p>
        <FormError error={removeQ.error} />
        {event.questions.length === 0 ? (
          <p className="utrecht-paragraph">{t("eventsAdmin.questionsNone")}</p>
        ) : (
          <DataTable
            caption={t("eventsAdmin.questionsCaption")}
            columns={[
              t("eventsAdmin.questionLabel"),
              t("eventsAdmin.questionKind"),
              t("eventsAdmin.questionOptions"),
              t("eventsAdmin.questionRequired"),
              t("app.actions"),
            ]}
          >
            {event.questions.map((q) => (
              <Row key={q.id}>
                <RowHeader>{q.label}</RowHeader>
                <Cell>{t(`eventsAdmin.questionKinds.${q.kind}`)}</Cell>
                <Cell>{q.options.join(", ")}</Cell>
                <Cell>
                  {q.required
                    ? t("eventsAdmin.questionRequiredYes")
                    : t("eventsAdmin.questionRequiredNo")}
                </Cell>
                <Cell>
                  <PostForm>
                    <input type="hidden" name="questionId" value={q.id} />
                    <SubmitButton name="_intent" value="removeQuestion" kind="secondary">
                      {t("eventsAdmin.removeQuestion")}
                      <span className="lr-visually-hidden">: {q.label}</span>
                    </SubmitButton>
                  </PostForm>
                </Cell>
              </Row>
            ))}
          </DataTable>
        )}
        <h3 className="utrecht-heading-3" id="add-question">
          {t("eventsAdmin.addQuestion")}
        </h3>
        <PostForm
          className="lr-form"
          noValidate
          aria-labelledby="add-question"
          key={`q-${event.questions.length}`}
        >
          <input type="hidden" name="_intent" value="addQuestion" />
          <FormError error={question.error} />
          <Field
            name="label"
            label={t("eventsAdmin.questionLabel")}
            defaultValue={questionValues?.label as string | undefined}
            required
            maxLength={300}
            errors={question.fieldErrors}
          />
          <SelectField
            name="kind"
            label={t("eventsAdmin.questionKind")}
            options={(["text", "choice", "yesno"] as const).map((k) => ({
              value: k,
              label: t(`eventsAdmin.questionKinds.${k}`),
            }))}
            defaultValue={(questionValues?.kind as string | undefined) ?? "text"}
            errors={question.fieldErrors}
          />
          <Field
            name="options"
            label={t("eventsAdmin.questionOptions")}
            description={t("eventsAdmin.questionOptionsHint")}
            defaultValue={questionValues?.options as string | undefined}
            multiline
            rows={4}
            maxLength={4000}
            errors={question.fieldErrors}
          />
          <CheckboxField
            name="required"
            label={t("eventsAdmin.questionRequired")}
            defaultChecked={questionValues?.required === true}
            errors={question.fieldErrors}
          />
          <SubmitButton kind="secondary">{t("eventsAdmin.addQuestion")}</SubmitButton>
        </PostForm>
      </Section>

      <Section id="invitations" title={t("eventsAdmin.invitationsTitle")}>
        <p className="utrecht-paragraph">
          {event.invitationOnly
            ? t("eventsAdmin.invitationsIntro")
            : t("eventsAdmin.invitationsOff")}
        </p>
        {newLink ? (
          <div className="utrecht-alert utrecht-alert--ok" role="status">
            <p className="utrecht-paragraph">
              <strong>{t("eventsAdmin.newInvitationLink")}</strong>
            </p>
            <p className="utrecht-paragraph lr-share-link">
              <a className="utrecht-link" href={newLink}>
                {newLink}
              </a>
            </p>
            <p className="utrecht-paragraph">{t("eventsAdmin.newInvitationOnce")}</p>
          </div>
        ) : null}
        <FormError error={revoke.error} />
        {invitations.length === 0 ? (
          event.invitationOnly ? (
            <p className="utrecht-paragraph">{t("eventsAdmin.invitationsNone")}</p>
          ) : null
        ) : (
          <DataTable
            caption={t("eventsAdmin.invitationsCaption")}
            columns={[
              t("eventsAdmin.invitationLabel"),
              { label: t("eventsAdmin.invitationUses"), numeric: true },
              t("eventsAdmin.invitationCreated"),
              t("eventsAdmin.invitationState"),
              t("app.actions"),
            ]}
          >
            {invitations.map((i) => (
              <Row key={i.id}>
                <RowHeader>{i.label || "—"}</RowHeader>
                <Cell numeric>
                  {i.maxUses === null
                    ? i.uses
                    : t("eventsAdmin.invitationUsesOf", { uses: i.uses, max: i.maxUses })}
                </Cell>
                <Cell>
                  <time dateTime={i.createdIso}>{i.created}</time>
                </Cell>
                <Cell>
                  {i.revoked
                    ? t("eventsAdmin.invitationRevoked")
                    : t("eventsAdmin.invitationActive")}
                </Cell>
                <Cell>
                  {i.revoked ? null : (
                    <PostForm>
                      <input type="hidden" name="invitationId" value={i.id} />
                      <SubmitButton name="_intent" value="revokeInvitation" kind="secondary">
                        {t("eventsAdmin.revokeInvitation")}
                        <span className="lr-visually-hidden">: {i.label || i.created}</span>
                      </SubmitButton>
                    </PostForm>
                  )}
                </Cell>
              </Row>
            ))}
          </DataTable>
        )}
        {event.invitationOnly ? (
          <>
            <h3 className="utrecht-heading-3" id="new-invitation">
              {t("eventsAdmin.createInvitation")}
            </h3>
            <PostForm className="lr-form" noValidate aria-labelledby="new-invitation">
              <input type="hidden" name="_intent" value="createInvitation" />
              <FormError error={invitation.error} />
              <Field
                name="label"
                label={t("eventsAdmin.invitationLabel")}
                description={t("eventsAdmin.invitationLabelHint")}
                defaultValue={invitationValues?.label as string | undefined}
                maxLength={200}
                errors={invitation.fieldErrors}
              />
              <Field
                name="maxUses"
                type="number"
                label={t("eventsAdmin.invitationMaxUses")}
                description={t("eventsAdmin.invitationMaxUsesHint")}
                defaultValue={invitationValues?.maxUses as string | undefined}
                errors={invitation.fieldErrors}
              />
              <SubmitButton kind="secondary">{t("eventsAdmin.createInvitation")}</SubmitButton>
            </PostForm>
          </>
        ) : null}
      </Section>

      <Section id="dialogue" title={t("eventsAdmin.dialogueTitle")}>
        <p className="utrecht-paragraph">{t("eventsAdmin.dialogueIntro")}</p>
        <FormError error={invite.error} />
        {dialogues.length === 0 ? (
          <p className="utrecht-paragraph">{t("eventsAdmin.dialogueNone")}</p>
        ) : (
          <DataTable
            caption={t("eventsAdmin.dialogueCaption")}
            columns={[
              t("eventsAdmin.dialogueSession"),
              t("eventsAdmin.dialogueCode"),
              t("eventsAdmin.dialogueStatus"),
              t("app.actions"),
            ]}
          >
            {dialogues.map((d) => (
              <Row key={d.id}>
                <RowHeader>
                  <Link className="utrecht-link" to={`/manage/${region.slug}/dialogue/${d.id}`}>
                    {d.title}
                    <span className="lr-visually-hidden">: {t("eventsAdmin.dialogueConsole")}</span>
                  </Link>
                </RowHeader>
                <Cell>{d.code}</Cell>
                <Cell>{t(`eventsAdmin.dialogueStatuses.${d.status}`)}</Cell>
                <Cell>
                  {d.status === "open" ? (
                    <PostForm>
                      <input type="hidden" name="sessionId" value={d.id} />
                      <SubmitButton name="_intent" value="inviteDialogue" kind="secondary">
                        {t("eventsAdmin.inviteToDialogue")}
                        <span className="lr-visually-hidden">: {d.title}</span>
                      </SubmitButton>
                    </PostForm>
                  ) : null}
                </Cell>
              </Row>
            ))}
          </DataTable>
        )}
        {dialogues.some((d) => d.status === "open") ? (
          <p className="utrecht-paragraph">{t("eventsAdmin.inviteToDialogueHint")}</p>
        ) : null}
        <h3 className="utrecht-heading-3" id="start-dialogue">
          {t("eventsAdmin.startDialogue")}
        </h3>
        <PostForm className="lr-form" noValidate aria-labelledby="start-dialogue">
          <input type="hidden" name="_intent" value="startDialogue" />
          <FormError error={dialogue.error} />
          <Field
            name="title"
            label={t("eventsAdmin.dialogueSessionTitle")}
            defaultValue={(dialogueValues?.title as string | undefined) ?? event.title}
            required
            maxLength={200}
            errors={dialogue.fieldErrors}
          />
          <SelectField
            name="template"
            label={t("eventsAdmin.dialogueTemplate")}
            options={templates.map((tp) => ({ value: tp.value, label: tp.title[locale] }))}
            defaultValue={dialogueValues?.template as string | undefined}
            errors={dialogue.fieldErrors}
          />
          <SelectField
            name="language"
            label={t("eventsAdmin.dialogueLanguage")}
            defaultValue={(dialogueValues?.language as string | undefined) ?? event.language}
            options={[
              { value: "nl", label: t("app.languageName.nl") },
              { value: "en", label: t("app.languageName.en") },
            ]}
            errors={dialogue.fieldErrors}
          />
          <SubmitButton kind="secondary">{t("eventsAdmin.startDialogue")}</SubmitButton>
        </PostForm>
      </Section>
    </>
  );
}

/** The messages of the form that was sent (`intent`), and none for the others. */
function errorsOf(
  actionData:
    { ok: boolean; intent: string; error?: Message; fieldErrors?: FieldErrors } | undefined,
  name: string,
): { fieldErrors: FieldErrors; error?: Message } {
  if (!actionData || actionData.intent !== name || actionData.ok !== false)
    return { fieldErrors: undefined };
  return { fieldErrors: actionData.fieldErrors, error: actionData.error };
}
