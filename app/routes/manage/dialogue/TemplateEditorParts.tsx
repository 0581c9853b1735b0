// The small pieces every part of the template editor is made of.
import type { ReactNode } from "react";
import { Link } from "react-router";
import { type LocalText } from "../../../../core/dialogue/template.ts";
import { TEMPLATE_LIMITS } from "../../../../core/dialogue/templates/editing.ts";
import type { Message } from "../../../../i18n/index.ts";
import { Field, PostForm, SubmitButton, type FieldErrors } from "../../../components/form.tsx";
import { useT } from "../../../lib/i18n.ts";

export const first = (v: string | string[] | undefined): string =>
  Array.isArray(v) ? (v[0] ?? "") : (v ?? "");

/** A refused command as the page shows it: which form, its message, and what was sent. */
export interface Refused {
  intent: string;
  error: Message;
  fieldErrors?: FieldErrors;
  values: { anchor: string; sent: Record<string, string | string[]> };
}

/** The value a field shows: what was sent when its form came back refused, else the saved one. */
export function valueFor(refused: Refused | undefined, name: string, saved: string): string {
  return refused ? first(refused.values.sent[name]) : saved;
}

export function Item({
  label,
  children,
  lang,
}: {
  label: string;
  children: ReactNode;
  /** The language of a text in one of the template's languages, for screen readers. */
  lang?: "nl" | "en";
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd lang={lang}>{children}</dd>
    </div>
  );
}

/** The texts labelled in both languages: `dialogueTemplates.<key>Nl` and `…En`. */
export type BilingualLabel =
  | "title"
  | "description"
  | "themeTitle"
  | "intro"
  | "prompt"
  | "help"
  | "minLabel"
  | "maxLabel"
  | "closingTitle";

/** Both languages of a text, each with its label. */
export function BothLanguages({ label, text }: { label: BilingualLabel; text: LocalText }) {
  const t = useT();
  return (
    <>
      <Item label={t(`dialogueTemplates.${label}Nl`)} lang="nl">
        {text.nl}
      </Item>
      <Item label={t(`dialogueTemplates.${label}En`)} lang="en">
        {text.en}
      </Item>
    </>
  );
}

/** Two fields for one text, Dutch (required) and English (empty takes the Dutch). */
export function BilingualFields({
  label,
  prefix = label,
  saved,
  refused,
  max,
  multiline,
  optional,
}: {
  label: BilingualLabel;
  prefix?: string;
  saved: LocalText | undefined;
  refused: Refused | undefined;
  max: number;
  multiline?: boolean;
  optional?: boolean;
}) {
  const t = useT();
  const rows = max > TEMPLATE_LIMITS.label ? 4 : 2;
  const labelNl = t(`dialogueTemplates.${label}Nl`);
  return (
    <>
      <Field
        name={`${prefix}Nl`}
        label={optional ? `${labelNl} ${t("app.optional")}` : labelNl}
        required={!optional}
        multiline={multiline}
        rows={rows}
        maxLength={multiline ? undefined : max}
        defaultValue={valueFor(refused, `${prefix}Nl`, saved?.nl ?? "")}
        errors={refused?.fieldErrors}
      />
      <Field
        name={`${prefix}En`}
        label={t(`dialogueTemplates.${label}En`)}
        description={t("dialogueTemplates.englishFallback")}
        multiline={multiline}
        rows={rows}
        maxLength={multiline ? undefined : max}
        defaultValue={valueFor(refused, `${prefix}En`, saved?.en ?? "")}
        errors={refused?.fieldErrors}
      />
    </>
  );
}

/** A page section with its h2; `anchored` gives the section the id links point at. */
export function Section({
  id,
  title,
  anchored = true,
  children,
}: {
  id: string;
  title: string;
  anchored?: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="lr-section" id={anchored ? id : undefined}>
      <h2 className="utrecht-heading-2" id={`${id}-title`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The link that opens a section's edit form. */
export function EditLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="lr-actions">
      <Link className="utrecht-link" to={to}>
        {children}
      </Link>
    </p>
  );
}

/** The hidden field that names a form's command. */
export function Intent({ value }: { value: string }) {
  return <input type="hidden" name="_intent" value={value} />;
}

/** A removal behind a disclosure: what it asks, then one post that does it. */
export function ConfirmRemove({
  summary,
  ask,
  intent,
  hidden,
  confirm,
}: {
  summary: ReactNode;
  ask: string;
  intent: string;
  hidden?: { name: string; value: string };
  confirm: string;
}) {
  return (
    <details className="lr-confirm">
      <summary>{summary}</summary>
      <p className="utrecht-paragraph">{ask}</p>
      <PostForm>
        <Intent value={intent} />
        {hidden ? <input type="hidden" name={hidden.name} value={hidden.value} /> : null}
        <SubmitButton kind="danger">{confirm}</SubmitButton>
      </PostForm>
    </details>
  );
}

export function FormActions({ children, cancel }: { children: ReactNode; cancel: string }) {
  const t = useT();
  return (
    <div className="lr-actions">
      {children}
      <Link className="utrecht-link" to={cancel}>
        {t("dialogueTemplates.cancel")}
      </Link>
    </div>
  );
}
