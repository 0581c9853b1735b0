import type { Route } from "./+types/detail";
import {
  CheckboxField,
  Field,
  FieldIds,
  FormError,
  PostForm,
  SelectField,
  SubmitButton,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { useT } from "../../../lib/i18n.ts";
import { errorsOf, Section, type SentForm } from "./EventSection.tsx";

type Data = Route.ComponentProps["loaderData"];

/** The organiser's own questions on the registration form. */
export function EventQuestionsSection({ data, sent }: { data: Data; sent: SentForm | undefined }) {
  const t = useT();
  const { event } = data;
  const question = errorsOf(sent, "addQuestion");
  const removeQ = errorsOf(sent, "removeQuestion");
  const questionValues = sent?.intent === "addQuestion" ? sent.values : undefined;
  return (
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
        <FieldIds scope="question">
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
        </FieldIds>
        <SubmitButton kind="secondary">{t("eventsAdmin.addQuestion")}</SubmitButton>
      </PostForm>
    </Section>
  );
}
