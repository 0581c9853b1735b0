import { useState } from "react";
import type { Question } from "../../../core/dialogue/template.ts";
import { PHASE_POINTS, PHASES } from "../../../core/dialogue/template.ts";
import { useT } from "../../lib/i18n.ts";

type Lang = "nl" | "en";

/** The form controls for one question, as plain inputs that post without JavaScript. */
export function AnswerInput({
  question,
  lang,
  value,
}: {
  question: Question;
  lang: Lang;
  value: unknown;
}) {
  const t = useT();
  const legend = question.prompt[lang];
  switch (question.kind) {
    case "open":
      return (
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="answer">
            {t("dialogue.yourAnswer")}
          </label>
          <textarea
            id="answer"
            name="answer"
            className="utrecht-textarea utrecht-textarea--html-textarea"
            rows={5}
            maxLength={2000}
            defaultValue={typeof value === "string" ? value : ""}
          />
        </div>
      );
    case "wordcloud":
      return (
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="answer">
            {t("dialogue.yourAnswer")}
          </label>
          <div className="utrecht-form-field-description" id="answer-hint">
            {t("dialogue.wordsHint")}
          </div>
          <input
            id="answer"
            name="answer"
            aria-describedby="answer-hint"
            className="utrecht-textbox utrecht-textbox--html-input"
            defaultValue={Array.isArray(value) ? value.join(", ") : ""}
          />
        </div>
      );
    case "single":
    case "multiple":
      return (
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend lr-visually-hidden">
            {legend}
          </legend>
          {question.options.map((o) => {
            const checked =
              question.kind === "single"
                ? value === o.id
                : Array.isArray(value) && value.includes(o.id);
            return (
              <div className="utrecht-form-field utrecht-form-field--checkbox" key={o.id}>
                <input
                  type={question.kind === "single" ? "radio" : "checkbox"}
                  id={`opt-${o.id}`}
                  name={question.kind === "single" ? "answer" : "answer[]"}
                  value={o.id}
                  defaultChecked={checked}
                  className={
                    question.kind === "single"
                      ? "utrecht-radio-button utrecht-radio-button--html-input"
                      : "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                  }
                />{" "}
                <label
                  className="utrecht-form-label utrecht-form-label--checkbox"
                  htmlFor={`opt-${o.id}`}
                >
                  {o.label[lang]}
                </label>
              </div>
            );
          })}
        </fieldset>
      );
    case "scale":
      return (
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend lr-visually-hidden">
            {legend}
          </legend>
          {Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i).map(
            (n) => (
              <div className="utrecht-form-field utrecht-form-field--radio" key={n}>
                <input
                  type="radio"
                  id={`scale-${n}`}
                  name="answer"
                  value={n}
                  defaultChecked={value === n}
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                />{" "}
                <label
                  className="utrecht-form-label utrecht-form-label--radio"
                  htmlFor={`scale-${n}`}
                >
                  {n}
                  {n === question.min
                    ? ` – ${question.minLabel[lang]}`
                    : n === question.max
                      ? ` – ${question.maxLabel[lang]}`
                      : ""}
                </label>
              </div>
            ),
          )}
        </fieldset>
      );
    case "ladder": {
      const v = (value ?? {}) as { now?: number; desired?: number };
      return (
        <>
          {(["now", "desired"] as const).map((part) => (
            <fieldset
              className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
              key={part}
            >
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                {t(`dialogue.${part}`)}
              </legend>
              {[1, 2, 3, 4, 5].map((n) => (
                <div className="utrecht-form-field utrecht-form-field--radio" key={n}>
                  <input
                    type="radio"
                    id={`${part}-${n}`}
                    name={part}
                    value={n}
                    defaultChecked={v[part] === n}
                    className="utrecht-radio-button utrecht-radio-button--html-input"
                  />{" "}
                  <label
                    className="utrecht-form-label utrecht-form-label--radio"
                    htmlFor={`${part}-${n}`}
                  >
                    {n}. {t(`dialogue.ladder.${n as 1 | 2 | 3 | 4 | 5}`)}
                  </label>
                </div>
              ))}
            </fieldset>
          ))}
        </>
      );
    }
    case "phases":
      return <PhasesInput value={(value ?? {}) as Record<string, number>} />;
    case "ranking": {
      const order = Array.isArray(value) ? (value as string[]) : question.options.map((o) => o.id);
      return (
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend lr-visually-hidden">
            {legend}
          </legend>
          {question.options.map((_, i) => (
            <div className="utrecht-form-field" key={i}>
              <label className="utrecht-form-label" htmlFor={`rank-${i}`}>
                {t("dialogue.rankPosition", { n: i + 1 })}
              </label>
              <select
                id={`rank-${i}`}
                name="rank[]"
                defaultValue={order[i]}
                className="utrecht-select utrecht-select--html-select"
              >
                {question.options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label[lang]}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      );
    }
  }
}

/**
 * Ten points over the four phases, with the points given so far counted as they are typed (the
 * page without JavaScript shows the count it was sent with; the core checks the sum either way).
 */
function PhasesInput({ value }: { value: Record<string, number> }) {
  const t = useT();
  const [points, setPoints] = useState<Record<string, string>>(() =>
    Object.fromEntries(PHASES.map((p) => [p, String(value[p] ?? 0)])),
  );
  const total = PHASES.reduce((sum, p) => {
    const n = Number(points[p]);
    return sum + (Number.isFinite(n) ? n : 0);
  }, 0);
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {t("dialogue.phasesHint")}
      </legend>
      {PHASES.map((p) => (
        <div className="utrecht-form-field" key={p}>
          <label className="utrecht-form-label" htmlFor={`phase-${p}`}>
            {t(`dialogue.phases.${p}`)}
          </label>
          <input
            type="number"
            min={0}
            max={PHASE_POINTS}
            id={`phase-${p}`}
            name={p}
            value={points[p]}
            onChange={(e) => setPoints((old) => ({ ...old, [p]: e.target.value }))}
            className="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric"
          />
        </div>
      ))}
      <p className="utrecht-paragraph lr-points-total" role="status">
        {t("dialogue.phasesTotal", { total, points: PHASE_POINTS })}
        {total !== PHASE_POINTS
          ? ` ${t(total > PHASE_POINTS ? "dialogue.phasesOver" : "dialogue.phasesLeft", {
              n: Math.abs(PHASE_POINTS - total),
            })}`
          : null}
      </p>
    </fieldset>
  );
}

/** Turns the posted form back into the value the question expects; the core checks it. */
export function answerFromForm(question: Question, form: FormData): unknown {
  switch (question.kind) {
    case "open":
    case "single":
    case "wordcloud":
    case "scale":
      return form.get("answer") ?? "";
    case "multiple":
      return form.getAll("answer[]");
    case "ladder":
      return { now: form.get("now"), desired: form.get("desired") };
    case "phases":
      return Object.fromEntries(PHASES.map((p) => [p, form.get(p) ?? 0]));
    case "ranking":
      return form.getAll("rank[]");
  }
}
