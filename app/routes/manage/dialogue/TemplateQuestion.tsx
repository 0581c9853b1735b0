// A question of a template as the editor shows it, with its move and remove controls.
import { Link } from "react-router";
import { type Question } from "../../../../core/dialogue/template.ts";
import { PostForm, SubmitButton } from "../../../components/form.tsx";
import { useT } from "../../../lib/i18n.ts";
import { Item, BothLanguages, ConfirmRemove } from "./TemplateEditorParts.tsx";

export function QuestionView({ question }: { question: Question }) {
  const t = useT();
  return (
    <dl className="lr-details">
      <BothLanguages label="prompt" text={question.prompt} />
      {question.help && (question.help.nl || question.help.en) ? (
        <BothLanguages label="help" text={question.help} />
      ) : null}
      <Item label={t("dialogueTemplates.audience")}>
        {t(`dialogueTemplates.audiences.${question.audience}`)}
      </Item>
      {"options" in question ? (
        <>
          {(["nl", "en"] as const).map((lang) => (
            <Item
              key={lang}
              label={t(
                lang === "nl"
                  ? "dialogueTemplates.optionsReadNl"
                  : "dialogueTemplates.optionsReadEn",
              )}
              lang={lang}
            >
              <ul className="utrecht-unordered-list">
                {question.options.map((o) => (
                  <li key={o.id}>{o.label[lang]}</li>
                ))}
              </ul>
            </Item>
          ))}
        </>
      ) : null}
      {question.kind === "scale" ? (
        <>
          <Item label={t("dialogueTemplates.scale")}>
            {question.min}–{question.max}
          </Item>
          <BothLanguages label="minLabel" text={question.minLabel} />
          <BothLanguages label="maxLabel" text={question.maxLabel} />
        </>
      ) : null}
    </dl>
  );
}

/** Edit, move and delete for one question; the move buttons only where the question can go. */
export function QuestionActions({
  page,
  question,
  n,
  isFirst,
  isLast,
}: {
  page: string;
  question: Question;
  n: number;
  isFirst: boolean;
  isLast: boolean;
}) {
  const t = useT();
  const which = (
    <span className="lr-visually-hidden">: {t("dialogueTemplates.questionRef", { n })}</span>
  );
  return (
    <div className="lr-actions">
      <Link className="utrecht-link" to={`${page}?question=${question.id}#q-${question.id}`}>
        {t("dialogueTemplates.editQuestion")}
        {which}
      </Link>
      {isFirst && isLast ? null : (
        <PostForm className="lr-inline-form">
          <input type="hidden" name="questionId" value={question.id} />
          {isFirst ? null : (
            <SubmitButton kind="secondary" name="_intent" value="moveUp">
              {t("dialogueTemplates.moveUp")}
              {which}
            </SubmitButton>
          )}
          {isLast ? null : (
            <SubmitButton kind="secondary" name="_intent" value="moveDown">
              {t("dialogueTemplates.moveDown")}
              {which}
            </SubmitButton>
          )}
        </PostForm>
      )}
      <ConfirmRemove
        summary={
          <>
            {t("dialogueTemplates.removeQuestionButton")}
            {which}
          </>
        }
        ask={t("dialogueTemplates.removeQuestionAsk", { n })}
        intent="removeQuestion"
        hidden={{ name: "questionId", value: question.id }}
        confirm={t("dialogueTemplates.removeQuestionConfirm", { n })}
      />
    </div>
  );
}
