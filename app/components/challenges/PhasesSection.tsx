import { Link } from "react-router";
import { CYCLE_PHASES, CHALLENGE_LIMITS } from "../../../core/challenges/schema.ts";
import { Field, PostForm, SelectField, SubmitButton } from "../form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../table.tsx";
import { formatDate } from "../../lib/format.ts";
import { useLocale, useT } from "../../lib/i18n.ts";
import { ACTIVITY_PATH, phaseLabel, stateFor, type FormState, type Found } from "./shared.ts";

/**
 * The four phases: per phase what was done (the activities linked in it) beside the attention
 * the dialogue gave it; the form that moves the challenge; the history of its moves.
 */
export function PhasesSection({
  found,
  base,
  canChange,
  form,
}: {
  found: Found;
  base: string;
  canChange: boolean;
  form: FormState;
}) {
  const t = useT();
  const locale = useLocale();
  const { challenge: c, links, attention, phaseChanges } = found;
  const change = stateFor(form, "changePhase");
  return (
    <section className="lr-section" aria-labelledby="phases">
      <h2 className="utrecht-heading-2" id="phases">
        {t("challengePages.phases.title")}
      </h2>
      <p className="utrecht-paragraph">{t("challengePages.phases.intro")}</p>
      <ol className="lr-plain-list">
        {CYCLE_PHASES.map((p) => {
          const done = links.filter((l) => l.phase === p);
          return (
            <li key={p}>
              <h3 className="utrecht-heading-3">
                {phaseLabel(t, p)} {p === c.phase ? t("challengePages.phases.current") : null}
              </h3>
              {done.length === 0 ? (
                <p className="utrecht-paragraph">{t("challengePages.phases.nothing")}</p>
              ) : (
                <ul className="utrecht-unordered-list">
                  {done.map((l) => (
                    <li key={l.linkId}>
                      {t(`challenges.linkKind.${l.kind}`)}:{" "}
                      <Link
                        className="utrecht-link"
                        to={`${base}/${ACTIVITY_PATH[l.kind]}/${l.id}`}
                      >
                        {l.title}
                      </Link>{" "}
                      ({formatDate(l.at, locale)})
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>

      <h3 className="utrecht-heading-3">{t("challengePages.phases.attention")}</h3>
      {attention ? (
        <>
          <p className="utrecht-paragraph">
            {t("challengePages.phases.attentionIntro", { count: attention.answers })}
          </p>
          <p className="utrecht-paragraph">
            <strong>
              {t("challengePages.phases.underexposed", {
                phase: phaseLabel(t, attention.underexposed),
              })}
            </strong>
          </p>
        </>
      ) : (
        <p className="utrecht-paragraph">{t("challengePages.phases.noAttention")}</p>
      )}
      <DataTable
        caption={t("challengePages.phases.attention")}
        hideCaption
        columns={[
          t("challengePages.phases.attentionColumns.phase"),
          { label: t("challengePages.phases.attentionColumns.mean"), numeric: true },
          { label: t("challengePages.phases.attentionColumns.activities"), numeric: true },
        ]}
      >
        {CYCLE_PHASES.map((p) => (
          <Row key={p}>
            <RowHeader>{phaseLabel(t, p)}</RowHeader>
            <Cell numeric>
              {attention ? attention.mean[p].toLocaleString(locale) : t("app.none")}
            </Cell>
            <Cell numeric>{links.filter((l) => l.phase === p).length}</Cell>
          </Row>
        ))}
      </DataTable>

      {canChange ? (
        <PostForm>
          <fieldset className="lr-section">
            <legend>{t("challengePages.phases.change")}</legend>
            <SelectField
              name="phase"
              label={t("challengePages.phases.newPhase")}
              options={CYCLE_PHASES.map((p) => ({ value: String(p), label: phaseLabel(t, p) }))}
              defaultValue={change.value("phase") ?? String(Math.min(4, c.phase + 1))}
              errors={change.errors}
            />
            <Field
              name="reason"
              label={t("challengePages.phases.reason")}
              description={t("challengePages.phases.reasonHint")}
              multiline
              rows={3}
              required
              maxLength={CHALLENGE_LIMITS.reason}
              defaultValue={change.value("reason")}
              errors={change.errors}
            />
            <SubmitButton name="_intent" value="changePhase">
              {t("challengePages.phases.change")}
            </SubmitButton>
          </fieldset>
        </PostForm>
      ) : null}

      <h3 className="utrecht-heading-3">{t("challengePages.phases.history")}</h3>
      <DataTable
        caption={t("challengePages.phases.history")}
        hideCaption
        columns={[
          t("challengePages.phases.historyColumns.when"),
          t("challengePages.phases.historyColumns.from"),
          t("challengePages.phases.historyColumns.to"),
          t("challengePages.phases.historyColumns.reason"),
          t("challengePages.phases.historyColumns.by"),
        ]}
      >
        {phaseChanges.map((pc) => (
          <Row key={pc.id}>
            <RowHeader>{formatDate(pc.changed_at, locale)}</RowHeader>
            <Cell>
              {pc.from_phase === null
                ? t("challengePages.phases.start")
                : phaseLabel(t, pc.from_phase)}
            </Cell>
            <Cell>{phaseLabel(t, pc.to_phase)}</Cell>
            <Cell>
              <span className="lr-pub-text">{pc.reason}</span>
            </Cell>
            <Cell>{pc.changedBy ?? ""}</Cell>
          </Row>
        ))}
      </DataTable>
    </section>
  );
}
