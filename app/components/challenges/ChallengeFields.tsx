import { CHALLENGE_LIMITS, CHALLENGE_STATUSES } from "../../../core/challenges/schema.ts";
import {
  CheckboxField,
  Field,
  SelectField,
  useTranslatedOptions,
  type FieldErrors,
} from "../form.tsx";
import { useT } from "../../lib/i18n.ts";

export type ChallengeValues = Partial<Record<string, string | string[]>>;

const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** A challenge's row as the form's values, for the edit page. */
export function challengeValues(c: {
  title: string;
  why_urgent: string;
  for_whom: string;
  guiding_question: string;
  geography: string;
  owners: string;
  status: string;
  published: boolean;
  continuation_funding: string;
  continuation_structure: string;
  continuation_owner: string;
}): ChallengeValues {
  return {
    title: c.title,
    whyUrgent: c.why_urgent,
    forWhom: c.for_whom,
    guidingQuestion: c.guiding_question,
    geography: c.geography,
    owners: c.owners,
    status: c.status,
    ...(c.published ? { published: "on" } : {}),
    continuationFunding: c.continuation_funding,
    continuationStructure: c.continuation_structure,
    continuationOwner: c.continuation_owner,
  };
}

/**
 * The fields of challengeSchema. The continuation (funding, structure, owner) is asked on the
 * edit page: it is agreed on later, before phase 4.
 */
export function ChallengeFields({
  values = {},
  errors,
  continuation,
}: {
  values?: ChallengeValues;
  errors?: FieldErrors;
  continuation?: boolean;
}) {
  const t = useT();
  const statuses = useTranslatedOptions("challenges.status", CHALLENGE_STATUSES);
  const L = CHALLENGE_LIMITS;
  return (
    <>
      <Field
        name="title"
        label={t("challengePages.fields.title")}
        required
        maxLength={L.title}
        defaultValue={str(values.title)}
        errors={errors}
      />
      <Field
        name="whyUrgent"
        label={`${t("challengePages.fields.whyUrgent")} ${t("app.optional")}`}
        multiline
        maxLength={L.whyUrgent}
        defaultValue={str(values.whyUrgent)}
        errors={errors}
      />
      <Field
        name="forWhom"
        label={`${t("challengePages.fields.forWhom")} ${t("app.optional")}`}
        multiline
        rows={2}
        maxLength={L.forWhom}
        defaultValue={str(values.forWhom)}
        errors={errors}
      />
      <Field
        name="guidingQuestion"
        label={`${t("challengePages.fields.guidingQuestion")} ${t("app.optional")}`}
        multiline
        rows={2}
        maxLength={L.guidingQuestion}
        defaultValue={str(values.guidingQuestion)}
        errors={errors}
      />
      <Field
        name="geography"
        label={`${t("challengePages.fields.geography")} ${t("app.optional")}`}
        description={t("challengePages.fields.geographyHint")}
        maxLength={L.geography}
        defaultValue={str(values.geography)}
        errors={errors}
      />
      <Field
        name="owners"
        label={`${t("challengePages.fields.owners")} ${t("app.optional")}`}
        maxLength={L.owners}
        defaultValue={str(values.owners)}
        errors={errors}
      />
      <SelectField
        name="status"
        label={t("challengePages.fields.status")}
        options={statuses}
        defaultValue={str(values.status) || "active"}
        errors={errors}
      />
      <CheckboxField
        name="published"
        label={t("challengePages.fields.published")}
        defaultChecked={values.published === "on"}
        errors={errors}
      />
      {continuation ? (
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t("challengePages.fields.continuation")}
          </legend>
          <p className="utrecht-paragraph">{t("challengePages.fields.continuationHint")}</p>
          {(["continuationFunding", "continuationStructure", "continuationOwner"] as const).map(
            (name) => (
              <Field
                key={name}
                name={name}
                label={`${t(`challengePages.fields.${name}`)} ${t("app.optional")}`}
                maxLength={L.continuation}
                defaultValue={str(values[name])}
                errors={errors}
              />
            ),
          )}
        </fieldset>
      ) : null}
    </>
  );
}
