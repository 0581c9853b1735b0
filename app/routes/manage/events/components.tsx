import type { ReactNode } from "react";
import { EVENT_KINDS, EVENT_MODES } from "../../../../core/events/schema.ts";
import {
  CheckboxField,
  Field,
  SelectField,
  useTranslatedOptions,
  type FieldErrors,
} from "../../../components/form.tsx";
import { useT } from "../../../lib/i18n.ts";

/** The event form's values as the inputs show them: text, and booleans for the checkboxes. */
export interface EventValues {
  title: string;
  kind: string;
  summary: string;
  programme: string;
  language: string;
  mode: string;
  address: string;
  room: string;
  onlineUrl: string;
  startsAt: string;
  endsAt: string;
  organisers: string;
  facilitators: string;
  costNote: string;
  capacity: string;
  waitlist: boolean;
  registrationDeadline: string;
  invitationOnly: boolean;
  reminderDays: string;
  followUpUrl: string;
  seriesId: string;
}

export const emptyEventValues = (language: string): EventValues => ({
  title: "",
  kind: "knowledge_session",
  summary: "",
  programme: "",
  language,
  mode: "on_site",
  address: "",
  room: "",
  onlineUrl: "",
  startsAt: "",
  endsAt: "",
  organisers: "",
  facilitators: "",
  costNote: "",
  capacity: "",
  waitlist: true,
  registrationDeadline: "",
  invitationOnly: false,
  reminderDays: "2",
  followUpUrl: "",
  seriesId: "",
});

/** What was sent, to show again next to the messages when the form is refused. */
export function sentEventValues(sent: Record<string, string | string[]>): EventValues {
  const s = (k: string) => {
    const v = sent[k];
    return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).slice(0, 20_000);
  };
  return {
    title: s("title"),
    kind: s("kind"),
    summary: s("summary"),
    programme: s("programme"),
    language: s("language"),
    mode: s("mode"),
    address: s("address"),
    room: s("room"),
    onlineUrl: s("onlineUrl"),
    startsAt: s("startsAt"),
    endsAt: s("endsAt"),
    organisers: s("organisers"),
    facilitators: s("facilitators"),
    costNote: s("costNote"),
    capacity: s("capacity"),
    waitlist: s("waitlist") === "on",
    registrationDeadline: s("registrationDeadline"),
    invitationOnly: s("invitationOnly") === "on",
    reminderDays: s("reminderDays"),
    followUpUrl: s("followUpUrl"),
    seriesId: s("seriesId"),
  };
}

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset lr-form">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}

/** Every field of an event, grouped: what, when and where, registration. */
export function EventFields({
  values,
  errors,
  series,
}: {
  values: EventValues;
  errors: FieldErrors;
  series: { id: string; title: string }[];
}) {
  const t = useT();
  const kinds = useTranslatedOptions("events.kinds", EVENT_KINDS);
  const modes = useTranslatedOptions("events.modes", EVENT_MODES);
  return (
    <>
      <Fieldset legend={t("eventsAdmin.sectionWhat")}>
        <Field
          name="title"
          label={t("eventsAdmin.fieldTitle")}
          defaultValue={values.title}
          required
          maxLength={200}
          errors={errors}
        />
        <SelectField
          name="kind"
          label={t("eventsAdmin.fieldKind")}
          options={kinds}
          defaultValue={values.kind}
          errors={errors}
        />
        <Field
          name="summary"
          label={t("eventsAdmin.fieldSummary")}
          description={t("eventsAdmin.fieldSummaryHint")}
          defaultValue={values.summary}
          maxLength={2000}
          multiline
          rows={3}
          errors={errors}
        />
        <Field
          name="programme"
          label={t("eventsAdmin.fieldProgramme")}
          description={t("eventsAdmin.fieldProgrammeHint")}
          defaultValue={values.programme}
          maxLength={10_000}
          multiline
          rows={6}
          errors={errors}
        />
        <SelectField
          name="language"
          label={t("eventsAdmin.fieldLanguage")}
          options={[
            { value: "nl", label: t("app.languageName.nl") },
            { value: "en", label: t("app.languageName.en") },
          ]}
          defaultValue={values.language}
          errors={errors}
        />
        <Field
          name="organisers"
          label={t("eventsAdmin.fieldOrganisers")}
          defaultValue={values.organisers}
          maxLength={1000}
          errors={errors}
        />
        <Field
          name="facilitators"
          label={t("eventsAdmin.fieldFacilitators")}
          defaultValue={values.facilitators}
          maxLength={1000}
          errors={errors}
        />
        <Field
          name="costNote"
          label={t("eventsAdmin.fieldCostNote")}
          description={t("eventsAdmin.fieldCostNoteHint")}
          defaultValue={values.costNote}
          maxLength={500}
          errors={errors}
        />
        <SelectField
          name="seriesId"
          label={t("eventsAdmin.fieldSeries")}
          options={series.map((s) => ({ value: s.id, label: s.title }))}
          emptyLabel={t("eventsAdmin.noSeries")}
          defaultValue={values.seriesId}
          errors={errors}
        />
      </Fieldset>

      <Fieldset legend={t("eventsAdmin.sectionWhenWhere")}>
        <Field
          name="startsAt"
          type="datetime-local"
          label={t("eventsAdmin.fieldStartsAt")}
          description={t("eventsAdmin.dateTimeHint")}
          defaultValue={values.startsAt}
          required
          errors={errors}
        />
        <Field
          name="endsAt"
          type="datetime-local"
          label={t("eventsAdmin.fieldEndsAt")}
          description={t("eventsAdmin.dateTimeHint")}
          defaultValue={values.endsAt}
          required
          errors={errors}
        />
        <SelectField
          name="mode"
          label={t("eventsAdmin.fieldMode")}
          options={modes}
          defaultValue={values.mode}
          errors={errors}
        />
        <Field
          name="address"
          label={t("eventsAdmin.fieldAddress")}
          description={t("eventsAdmin.fieldAddressHint")}
          defaultValue={values.address}
          maxLength={500}
          autoComplete="off"
          errors={errors}
        />
        <Field
          name="room"
          label={t("eventsAdmin.fieldRoom")}
          defaultValue={values.room}
          maxLength={200}
          errors={errors}
        />
        <Field
          name="onlineUrl"
          type="url"
          label={t("eventsAdmin.fieldOnlineUrl")}
          description={t("eventsAdmin.fieldOnlineUrlHint")}
          defaultValue={values.onlineUrl}
          maxLength={1000}
          errors={errors}
        />
      </Fieldset>

      <Fieldset legend={t("eventsAdmin.sectionRegistration")}>
        <Field
          name="capacity"
          type="number"
          label={t("eventsAdmin.fieldCapacity")}
          description={t("eventsAdmin.fieldCapacityHint")}
          defaultValue={values.capacity}
          errors={errors}
        />
        <CheckboxField
          name="waitlist"
          label={t("eventsAdmin.fieldWaitlist")}
          defaultChecked={values.waitlist}
          errors={errors}
        />
        <Field
          name="registrationDeadline"
          type="datetime-local"
          label={t("eventsAdmin.fieldDeadline")}
          description={t("eventsAdmin.fieldDeadlineHint")}
          defaultValue={values.registrationDeadline}
          errors={errors}
        />
        <CheckboxField
          name="invitationOnly"
          label={t("eventsAdmin.fieldInvitationOnly")}
          defaultChecked={values.invitationOnly}
          errors={errors}
        />
        <Field
          name="reminderDays"
          type="number"
          label={t("eventsAdmin.fieldReminderDays")}
          description={t("eventsAdmin.fieldReminderDaysHint")}
          defaultValue={values.reminderDays}
          errors={errors}
        />
        <Field
          name="followUpUrl"
          type="url"
          label={t("eventsAdmin.fieldFollowUpUrl")}
          defaultValue={values.followUpUrl}
          maxLength={1000}
          errors={errors}
        />
      </Fieldset>
    </>
  );
}

/** "12 van 40", or "12 (geen maximum)". */
export function placesText(
  t: ReturnType<typeof useT>,
  confirmed: number,
  capacity: number | null,
): string {
  return capacity === null
    ? t("eventsAdmin.placesNoMax", { confirmed })
    : t("eventsAdmin.placesOf", { confirmed, capacity });
}

/** A data list row, as on the people pages. */
export function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
        {children}
      </dd>
    </div>
  );
}
