import type { ReactNode } from "react";
import { Link } from "react-router";
import type { EventQuestion } from "../../../core/events/schema.ts";
import { SECTORS } from "../../../core/kernel/sectors.ts";
import { LIMITS } from "../../../core/kernel/validate.ts";
import type { Message } from "../../../i18n/index.ts";
import { useMessage, useT } from "../../lib/i18n.ts";
import { Shell } from "../../root.tsx";
import { RegionBrand, regionThemeStyle } from "../../routes/manage/layout.tsx";
import {
  CheckboxField,
  Field,
  FormError,
  PostForm,
  SelectField,
  SubmitButton,
  useTranslatedOptions,
  type FieldErrors,
} from "../form.tsx";

export interface PublicRegion {
  slug: string;
  name: string;
  hasLogo: boolean;
  primaryColor: string;
}

/** A public page of a region: its colour and its name (and logo) in the header. */
export function PublicRegionShell({
  region,
  children,
}: {
  region: PublicRegion;
  children: ReactNode;
}) {
  return (
    <div style={regionThemeStyle(region.primaryColor)}>
      <Shell brand={<RegionBrand region={region} />}>{children}</Shell>
    </div>
  );
}

/** Text an organiser typed, with its line breaks kept; text, never HTML. */
export function PlainText({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p className="utrecht-paragraph lr-plain" key={i}>
            {p.trim()}
          </p>
        ))}
    </>
  );
}

/** "Nog 3 van 20 plaatsen vrij", "Vol: …wachtlijst", or nothing to say when there is no limit. */
export function PlacesText({
  capacity,
  placesLeft,
  waitlist,
}: {
  capacity: number | null;
  placesLeft: number | null;
  waitlist: boolean;
}) {
  const t = useT();
  if (capacity === null) return <>{t("events.unlimited")}</>;
  if ((placesLeft ?? 0) > 0) return <>{t("events.placesLeft", { n: placesLeft ?? 0, capacity })}</>;
  return <>{waitlist ? t("events.fullWaitlist") : t("events.fullNoWaitlist")}</>;
}

/** One choice among a few, as radio buttons in a fieldset with its legend and error message. */
export function RadioGroup({
  name,
  legend,
  options,
  defaultValue,
  errors,
  required,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  errors?: FieldErrors;
  required?: boolean;
}) {
  const message = useMessage();
  const error = errors?.[name];
  const errorId = `field-${name}-error`;
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? " utrecht-form-fieldset--invalid" : ""}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {error ? (
        <div className="utrecht-form-field-error-message" id={errorId}>
          {message(error)}
        </div>
      ) : null}
      {options.map((o, i) => {
        const id = `field-${name}-${i}`;
        return (
          <div className="utrecht-form-field utrecht-form-field--radio" key={o.value}>
            <div className="utrecht-form-field__input">
              <input
                type="radio"
                id={id}
                name={name}
                value={o.value}
                defaultChecked={defaultValue === o.value}
                required={required}
                aria-invalid={error ? true : undefined}
                className={`utrecht-radio-button utrecht-radio-button--html-input${error ? " utrecht-radio-button--invalid" : ""}`}
              />
            </div>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
                {o.label}
              </label>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

function QuestionField({
  question: q,
  values,
  errors,
}: {
  question: EventQuestion;
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const t = useT();
  const name = `q_${q.id}`;
  const label = q.required ? q.label : `${q.label} ${t("app.optional")}`;
  if (q.kind === "yesno")
    return (
      <RadioGroup
        name={name}
        legend={label}
        options={[
          { value: "yes", label: t("events.yes") },
          { value: "no", label: t("events.no") },
        ]}
        defaultValue={values[name]}
        errors={errors}
        required={q.required}
      />
    );
  if (q.kind === "choice") {
    const options = q.options.map((o) => ({ value: o, label: o }));
    // A few choices read best as radio buttons; a long list as a drop-down.
    return options.length <= 5 ? (
      <RadioGroup
        name={name}
        legend={label}
        options={options}
        defaultValue={values[name]}
        errors={errors}
        required={q.required}
      />
    ) : (
      <SelectField
        name={name}
        label={label}
        options={options}
        emptyLabel={t("events.chooseOne")}
        defaultValue={values[name]}
        errors={errors}
        required={q.required}
      />
    );
  }
  return (
    <Field
      name={name}
      label={label}
      multiline
      rows={3}
      maxLength={2000}
      defaultValue={values[name]}
      errors={errors}
      required={q.required}
    />
  );
}

/**
 * The registration form of an event or a whole series. Plain fields and a plain post: it works
 * without JavaScript. `website` is the honeypot, hidden from people and from assistive technology.
 */
export function RegistrationForm({
  region,
  retentionMonths,
  questions,
  values,
  errors,
  error,
  invitation,
  waitlist,
}: {
  region: { slug: string };
  retentionMonths: number;
  questions: EventQuestion[];
  values: Record<string, string>;
  errors: FieldErrors;
  error?: Message;
  invitation?: string | null;
  /** Places are full: the button says the visitor joins the waitlist. */
  waitlist: boolean;
}) {
  const t = useT();
  const sectors = useTranslatedOptions("sectors", SECTORS);
  return (
    <PostForm className="lr-form" noValidate>
      <FormError error={error} />
      <p className="utrecht-paragraph">{t("events.requiredNote")}</p>
      {invitation ? <input type="hidden" name="invitation" value={invitation} /> : null}
      <Field
        name="name"
        label={t("events.name")}
        required
        maxLength={LIMITS.name}
        autoComplete="name"
        defaultValue={values.name}
        errors={errors}
      />
      <Field
        name="email"
        type="email"
        label={t("events.email")}
        description={t("events.emailHint")}
        required
        maxLength={LIMITS.email}
        autoComplete="email"
        defaultValue={values.email}
        errors={errors}
      />
      <Field
        name="organisation"
        label={t("events.organisation")}
        maxLength={200}
        autoComplete="organization"
        defaultValue={values.organisation}
        errors={errors}
      />
      <SelectField
        name="sector"
        label={t("events.sector")}
        options={sectors}
        emptyLabel={t("events.noSector")}
        defaultValue={values.sector}
        errors={errors}
      />
      <Field
        name="role"
        label={t("events.role")}
        maxLength={200}
        autoComplete="organization-title"
        defaultValue={values.role}
        errors={errors}
      />
      {questions.map((q) => (
        <QuestionField key={q.id} question={q} values={values} errors={errors} />
      ))}
      <Field
        name="diet"
        label={t("events.diet")}
        maxLength={500}
        defaultValue={values.diet}
        errors={errors}
      />
      <Field
        name="accessibility"
        label={t("events.accessibility")}
        description={t("events.accessibilityHint")}
        multiline
        rows={3}
        maxLength={500}
        defaultValue={values.accessibility}
        errors={errors}
      />
      <div className="lr-honeypot" aria-hidden="true">
        <label htmlFor="field-website">{t("events.honeypot")}</label>
        <input
          type="text"
          id="field-website"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
        />
      </div>
      <CheckboxField
        name="consent"
        label={t("events.consent", { count: retentionMonths })}
        required
        defaultChecked={values.consent === "on"}
        errors={errors}
      />
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/r/${region.slug}/privacy`}>
          {t("events.readPrivacy")}
        </Link>
      </p>
      <SubmitButton>
        {waitlist ? t("events.waitlistButton") : t("events.registerButton")}
      </SubmitButton>
    </PostForm>
  );
}

/**
 * In place of the registration form: why registering is not possible now. The error is there when
 * the event filled up or closed between loading the form and sending it.
 */
export function RegistrationClosed({ error, reason }: { error?: Message; reason: ReactNode }) {
  return (
    <>
      <FormError error={error} />
      <div className="utrecht-alert utrecht-alert--info" role="status">
        <p className="utrecht-paragraph">{reason}</p>
      </div>
    </>
  );
}

/** What a visitor typed, to show again when the form comes back with messages. */
export function sentValues(sent: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sent)) {
    // The honeypot is never echoed, and nothing huge is sent back.
    if (k === "website" || k === "invitation") continue;
    const value = Array.isArray(v) ? (v[0] ?? "") : v;
    out[k] = value.slice(0, 20_000);
  }
  return out;
}
