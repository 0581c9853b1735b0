import { ThemeSelectForm, ThemeTextForm } from "../../../components/ThemeForms.tsx";
import { PostForm, SubmitButton } from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { THEME_LABEL_MAX } from "../../../../core/dialogue/moderation.ts";
import { useT } from "../../../lib/i18n.ts";

// The parts of the page where a facilitator hides open answers and groups them into themes.

export interface AnswerView {
  participantId: string;
  text: string;
  hidden: boolean;
  name: string | null;
}

export interface ThemeView {
  label: string;
  answers: AnswerView[];
  visible: number;
  hidden: number;
}

function AnswerRow({
  answer,
  labels,
  current,
}: {
  answer: AnswerView;
  labels: string[];
  current: string;
}) {
  const t = useT();
  // Which answer a control acts on, for screen readers that list controls out of their row.
  const which = answer.text.length > 80 ? `${answer.text.slice(0, 80)}…` : answer.text;
  return (
    <Row>
      <RowHeader>{answer.text}</RowHeader>
      <Cell>{answer.name ?? t("dialogueThemes.anonymous")}</Cell>
      <Cell>{answer.hidden ? t("dialogueThemes.hidden") : t("dialogueThemes.visible")}</Cell>
      <Cell>
        <PostForm className="lr-inline-form">
          <input type="hidden" name="participantId" value={answer.participantId} />
          {answer.hidden ? (
            <SubmitButton name="_intent" value="show" kind="secondary">
              {t("dialogueThemes.show")}
              <span className="lr-visually-hidden">: {which}</span>
            </SubmitButton>
          ) : (
            <SubmitButton name="_intent" value="hide" kind="secondary">
              {t("dialogueThemes.hide")}
              <span className="lr-visually-hidden">: {which}</span>
            </SubmitButton>
          )}
        </PostForm>
        <ThemeSelectForm
          intent="move"
          hidden={<input type="hidden" name="participantId" value={answer.participantId} />}
          id={`move-${answer.participantId}`}
          name="theme"
          label={t("dialogueThemes.moveTo")}
          labelWhich={which}
          defaultValue={current}
          emptyOption={t("dialogueThemes.noTheme")}
          options={labels.map((l) => ({ value: l, label: l }))}
          after={
            <>
              <label className="utrecht-form-label" htmlFor={`new-${answer.participantId}`}>
                {t("dialogueThemes.newTheme")}
                <span className="lr-visually-hidden">: {which}</span>
              </label>
              <input
                id={`new-${answer.participantId}`}
                name="newTheme"
                type="text"
                maxLength={THEME_LABEL_MAX}
                className="utrecht-textbox utrecht-textbox--html-input"
              />
            </>
          }
          submit={t("dialogueThemes.move")}
          which={which}
        />
      </Cell>
    </Row>
  );
}

export function AnswersTable({
  theme,
  caption,
  labels,
}: {
  theme: ThemeView;
  caption: string;
  labels: string[];
}) {
  const t = useT();
  return (
    <DataTable
      caption={caption}
      hideCaption
      columns={[
        t("dialogueThemes.answer"),
        t("dialogueThemes.from"),
        t("dialogueThemes.status"),
        t("app.actions"),
      ]}
    >
      {theme.answers.map((a) => (
        <AnswerRow key={a.participantId} answer={a} labels={labels} current={theme.label} />
      ))}
    </DataTable>
  );
}

/** Every theme with its visible and hidden answers, those without a theme last. */
export function ThemesOverview({ themes }: { themes: ThemeView[] }) {
  const t = useT();
  return (
    <section aria-labelledby="overview" className="lr-section">
      <h2 className="utrecht-heading-2" id="overview">
        {t("dialogueThemes.overview")}
      </h2>
      <DataTable
        caption={t("dialogueThemes.overviewCaption")}
        hideCaption
        columns={[
          null,
          { label: t("dialogueThemes.count"), numeric: true },
          { label: t("dialogueThemes.hiddenCount"), numeric: true },
        ]}
      >
        {themes.map((th) => (
          <Row key={th.label}>
            <RowHeader>{th.label || t("dialogueThemes.unthemed")}</RowHeader>
            <Cell numeric>{th.visible}</Cell>
            <Cell numeric>{th.hidden}</Cell>
          </Row>
        ))}
      </DataTable>
    </section>
  );
}

/** One theme: rename it, merge it into another, and its answers. */
export function ThemeSection({
  theme: th,
  index: i,
  labels,
}: {
  theme: ThemeView;
  index: number;
  labels: string[];
}) {
  const t = useT();
  return (
    <section aria-labelledby={`theme-${i}`} className="lr-section">
      <h2 className="utrecht-heading-2" id={`theme-${i}`}>
        {t("dialogueThemes.theme", { theme: th.label })}
      </h2>
      <p className="utrecht-paragraph">
        {t("dialogueThemes.counts", { visible: th.visible, hidden: th.hidden })}
      </p>
      <div className="lr-actions">
        <ThemeTextForm
          intent="rename"
          hidden={<input type="hidden" name="from" value={th.label} />}
          id={`rename-${i}`}
          name="to"
          label={t("dialogueThemes.renameLabel", { theme: th.label })}
          maxLength={THEME_LABEL_MAX}
          defaultValue={th.label}
          submit={t("dialogueThemes.rename")}
          which={th.label}
        />
        {labels.length > 1 ? (
          <ThemeSelectForm
            intent="merge"
            hidden={<input type="hidden" name="from" value={th.label} />}
            id={`merge-${i}`}
            name="into"
            label={t("dialogueThemes.mergeLabel", { theme: th.label })}
            options={labels.filter((l) => l !== th.label).map((l) => ({ value: l, label: l }))}
            submit={t("dialogueThemes.merge")}
            which={th.label}
          />
        ) : null}
      </div>
      <AnswersTable
        theme={th}
        caption={t("dialogueThemes.caption", { theme: th.label })}
        labels={labels}
      />
    </section>
  );
}
