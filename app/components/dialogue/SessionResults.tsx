import type { ReactNode } from "react";
import type { SessionResults as Data } from "../../../core/dialogue/sessionResults.ts";
import { percentOf, withheldText } from "../../../core/dialogue/resultsText.ts";
import { useLocale, useT } from "../../lib/i18n.ts";
import { Cell, DataTable, Row, RowHeader } from "../table.tsx";
import { ResultsView } from "./ResultsView.tsx";
import { sectorKey } from "../../../core/kernel/sectors.ts";

/**
 * The whole of a session's results: who took part (by sector), then every question under its
 * theme with its chart and table. The results page and the shared link both show this; what
 * they pass in decides what is shown (the shared link never carries names).
 */
export function SessionResults({ results, date }: { results: Data; date: string }) {
  const t = useT();
  // The page around the results is in the reader's language; so are the words of the figures.
  const locale = useLocale();
  const lang = results.session.language;
  const total = results.questions.length;
  // Behind the shared link, groups of fewer than three people are left out of the sector mix.
  const mixWithheld = withheldText(results.sectorMixWithheld, t, "groups");
  // A template of fifty questions of which a session used five: the answered ones are the
  // results, the rest is folded away under one summary.
  const answered = results.questions.filter((q) => q.results.all.count > 0);
  const unanswered = results.questions.filter((q) => q.results.all.count === 0);
  const themes = byTheme(answered, lang);
  return (
    <>
      <p className="utrecht-paragraph">
        {t("dialogueResults.held", { date })} ·{" "}
        {t("dialogueResults.participants", { count: results.participants })}
      </p>
      {results.sectorMix.length > 0 || mixWithheld ? (
        <section aria-labelledby="sector-mix" className="lr-section">
          <h2 className="utrecht-heading-2" id="sector-mix">
            {t("dialogueResults.sectorMix")}
          </h2>
          <DataTable
            caption={t("dialogueResults.sectorMix")}
            hideCaption
            columns={[
              t("dialogueResults.sector"),
              { label: t("dialogue.participants"), numeric: true },
              { label: t("dialogueResults.percent"), numeric: true },
            ]}
          >
            {results.sectorMix.map((s) => (
              <Row key={s.sector ?? "none"}>
                <RowHeader>
                  {s.sector ? t(sectorKey(s.sector)) : t("dialogueResults.noSectorGiven")}
                </RowHeader>
                <Cell numeric>{s.count}</Cell>
                <Cell numeric>{percentOf(s.count, results.participants)}%</Cell>
              </Row>
            ))}
          </DataTable>
          {mixWithheld ? <p className="utrecht-paragraph lr-muted">{mixWithheld}</p> : null}
        </section>
      ) : null}
      {themes.map((theme) => (
        <section
          key={theme.id}
          aria-labelledby={`theme-${theme.id}`}
          className="lr-section lr-results-theme"
        >
          <h2 className="utrecht-heading-2" id={`theme-${theme.id}`} lang={lang}>
            {theme.title}
          </h2>
          {theme.items.map((q) => (
            <Question key={q.question.id} id={`question-${q.question.id}`}>
              <p className="utrecht-paragraph lr-muted">
                {t("dialogueResults.questionOf", { index: q.index + 1, total })}
              </p>
              <h3 className="utrecht-heading-3" id={`question-${q.question.id}`} lang={lang}>
                {q.question.prompt[lang]}
              </h3>
              <ResultsView
                question={q.question}
                results={q.results}
                lang={lang}
                reader={locale}
                open={q.open}
              />
            </Question>
          ))}
        </section>
      ))}
      {answered.length === 0 ? (
        <p className="utrecht-paragraph">{t("dialogueResults.nothingAnswered")}</p>
      ) : null}
      {unanswered.length > 0 ? (
        <details className="lr-unanswered lr-section">
          <summary>{t("dialogueResults.unanswered", { count: unanswered.length })}</summary>
          {byTheme(unanswered, lang).map((theme) => (
            <div key={theme.id}>
              <p className="utrecht-paragraph" lang={lang}>
                <strong>{theme.title}</strong>
              </p>
              <ul className="utrecht-unordered-list">
                {theme.items.map((q) => (
                  <li key={q.question.id} className="utrecht-unordered-list__item" lang={lang}>
                    {q.index + 1}. {q.question.prompt[lang]}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      ) : null}
    </>
  );
}

/** Questions under their themes, in running order (a theme may come back after another). */
function byTheme(questions: Data["questions"], lang: "nl" | "en") {
  const themes: { id: string; title: string; items: Data["questions"] }[] = [];
  for (const q of questions) {
    const last = themes[themes.length - 1];
    if (last && last.id === q.theme.id) last.items.push(q);
    else themes.push({ id: q.theme.id, title: q.theme.title[lang], items: [q] });
  }
  return themes;
}

function Question({ id, children }: { id: string; children: ReactNode }) {
  return (
    <article aria-labelledby={id} className="lr-results-question">
      {children}
    </article>
  );
}
