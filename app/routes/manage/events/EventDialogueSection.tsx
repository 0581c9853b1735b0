import type { Route } from "./+types/detail";
import { Link } from "react-router";
import {
  Field,
  FieldIds,
  FormError,
  PostForm,
  SelectField,
  SubmitButton,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { useLocale, useT } from "../../../lib/i18n.ts";
import { errorsOf, Section, type SentForm } from "./EventSection.tsx";

type Data = Route.ComponentProps["loaderData"];

/** The event's live dialogue sessions: start one, invite everyone with a place. */
export function EventDialogueSection({ data, sent }: { data: Data; sent: SentForm | undefined }) {
  const t = useT();
  const locale = useLocale();
  const { region, event, dialogues, templates } = data;
  const dialogue = errorsOf(sent, "startDialogue");
  const invite = errorsOf(sent, "inviteDialogue");
  const dialogueValues = sent?.intent === "startDialogue" ? sent.values : undefined;
  return (
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
        <FieldIds scope="dialogue">
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
        </FieldIds>
        <SubmitButton kind="secondary">{t("eventsAdmin.startDialogue")}</SubmitButton>
      </PostForm>
    </Section>
  );
}
