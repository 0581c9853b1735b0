import type { ReactNode } from "react";
import { GROUP_SECTOR, type Aggregate, type Results } from "../../../core/dialogue/aggregate.ts";
import type { OpenAnswer } from "../../../core/dialogue/protocol.ts";
import {
  formatNumber,
  optionLabel,
  percentOf,
  spreadKey,
  withheldText,
} from "../../../core/dialogue/resultsText.ts";
import {
  LADDER_LEVELS,
  PHASES,
  type Phase,
  type Question,
} from "../../../core/dialogue/template.ts";
import { translator } from "../../../i18n/index.ts";
import { Cell, DataTable, Row, RowHeader } from "../table.tsx";
import { sectorKey } from "../../../core/kernel/sectors.ts";

type Lang = "nl" | "en";
type T = ReturnType<typeof translator>;

/** A bar as wide as its share, with its label beside it in ordinary text colour. */
function Bar({
  label,
  value,
  width,
  variant,
}: {
  label: ReactNode;
  value: ReactNode;
  width: number;
  variant?: "desired";
}) {
  return (
    <div className="lr-rbar">
      <span className="lr-rbar__label">{label}</span>
      <span className="lr-rbar__track">
        <span
          className={variant ? `lr-rbar__fill lr-rbar__fill--${variant}` : "lr-rbar__fill"}
          // Nothing is no bar at all; anything more shows at least a sliver.
          style={{ width: width > 0 ? `max(2px, ${Math.min(100, width)}%)` : "0" }}
        />
      </span>
      <span className="lr-rbar__value">{value}</span>
    </div>
  );
}

/** The chart with a sentence for screen readers; the table below carries every figure. */
function Chart({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <div className="lr-chart" role="img" aria-label={summary}>
      {children}
    </div>
  );
}

function TableToggle({ t, children }: { t: T; children: ReactNode }) {
  return (
    <details className="lr-results__table">
      <summary>{t("dialogueResults.showTable")}</summary>
      {children}
    </details>
  );
}

function Options({
  question,
  agg,
  lang,
  t,
}: {
  question: Question;
  agg: Extract<Aggregate, { kind: "single" | "multiple" }>;
  lang: Lang;
  t: T;
}) {
  const rows = Object.entries(agg.counts).map(([id, count]) => ({
    id,
    label: optionLabel(question, id, lang),
    count,
    percent: percentOf(count, agg.count),
  }));
  const summary = t("dialogueResults.optionsChart", {
    items: rows.map((r) => t("dialogueResults.optionItem", r)).join("; "),
  });
  return (
    <>
      <Chart summary={summary}>
        {rows.map((r) => (
          <Bar key={r.id} label={r.label} value={`${r.count} (${r.percent}%)`} width={r.percent} />
        ))}
      </Chart>
      {agg.kind === "multiple" ? (
        <p className="utrecht-paragraph lr-muted">{t("dialogueResults.multipleNote")}</p>
      ) : null}
      <TableToggle t={t}>
        <DataTable
          caption={question.prompt[lang]}
          columns={[
            t("dialogueResults.option"),
            { label: t("dialogueResults.count"), numeric: true },
            { label: t("dialogueResults.percent"), numeric: true },
          ]}
        >
          {rows.map((r) => (
            <Row key={r.id}>
              <RowHeader>{r.label}</RowHeader>
              <Cell numeric>{r.count}</Cell>
              <Cell numeric>{r.percent}%</Cell>
            </Row>
          ))}
        </DataTable>
      </TableToggle>
    </>
  );
}

function Scale({
  question,
  agg,
  lang,
  t,
}: {
  question: Extract<Question, { kind: "scale" }>;
  agg: Extract<Aggregate, { kind: "scale" }>;
  lang: Lang;
  t: T;
}) {
  const rows = Object.entries(agg.counts)
    .map(([value, count]) => ({ value: Number(value), count }))
    .sort((a, b) => a.value - b.value);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const label = (v: number) =>
    v === question.min
      ? `${v} ${question.minLabel[lang]}`
      : v === question.max
        ? `${v} ${question.maxLabel[lang]}`
        : String(v);
  const mean = formatNumber(agg.mean, lang);
  const summary = t("dialogueResults.scaleChart", {
    min: label(question.min),
    max: label(question.max),
    mean,
    items: rows.map((r) => t("dialogueResults.scaleItem", r)).join("; "),
  });
  return (
    <>
      <p className="utrecht-paragraph lr-results__figure">
        {t("dialogueResults.meanIs", { mean })}
      </p>
      <Chart summary={summary}>
        {rows.map((r) => (
          <Bar
            key={r.value}
            label={label(r.value)}
            value={`${r.count} (${percentOf(r.count, agg.count)}%)`}
            width={(r.count / max) * 100}
          />
        ))}
      </Chart>
      <TableToggle t={t}>
        <DataTable
          caption={question.prompt[lang]}
          columns={[
            t("dialogueResults.value"),
            { label: t("dialogueResults.count"), numeric: true },
            { label: t("dialogueResults.percent"), numeric: true },
          ]}
        >
          {rows.map((r) => (
            <Row key={r.value}>
              <RowHeader>{label(r.value)}</RowHeader>
              <Cell numeric>{r.count}</Cell>
              <Cell numeric>{percentOf(r.count, agg.count)}%</Cell>
            </Row>
          ))}
          <Row>
            <RowHeader>{t("dialogueResults.mean")}</RowHeader>
            <Cell numeric>{mean}</Cell>
            <Cell />
          </Row>
        </DataTable>
      </TableToggle>
    </>
  );
}

function Ladder({
  question,
  agg,
  lang,
  t,
}: {
  question: Question;
  agg: Extract<Aggregate, { kind: "ladder" }>;
  lang: Lang;
  t: T;
}) {
  const max = Math.max(1, ...Object.values(agg.now), ...Object.values(agg.desired));
  const now = formatNumber(agg.meanNow, lang);
  const desired = formatNumber(agg.meanDesired, lang);
  const spreadLine = (which: string, sd: number | null) =>
    sd === null
      ? null
      : t("dialogueResults.ladderSpread", {
          which,
          words: t(`dialogueResults.spreadWords.${spreadKey(sd)}`),
          sd: formatNumber(sd, lang),
        });
  // Highest step first, as a ladder is drawn.
  const levels = [...LADDER_LEVELS].reverse();
  return (
    <>
      <p className="utrecht-paragraph lr-results__figure">
        {t("dialogueResults.ladderMeans", { now, desired })}
      </p>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          {spreadLine(t("dialogueResults.now"), agg.spreadNow)}
        </li>
        <li className="utrecht-unordered-list__item">
          {spreadLine(t("dialogueResults.desired"), agg.spreadDesired)}
        </li>
      </ul>
      <p className="lr-legend" aria-hidden="true">
        <span className="lr-legend__swatch" /> {t("dialogueResults.now")}{" "}
        <span className="lr-legend__swatch lr-legend__swatch--desired" />{" "}
        {t("dialogueResults.desired")}
      </p>
      <Chart summary={t("dialogueResults.ladderChart", { now, desired })}>
        {levels.map((level) => (
          <div className="lr-chart__group" key={level}>
            <div className="lr-chart__group-label">
              {level}. {t(`dialogue.ladder.${level}`)}
            </div>
            <Bar
              label={t("dialogueResults.now")}
              value={agg.now[level] ?? 0}
              width={((agg.now[level] ?? 0) / max) * 100}
            />
            <Bar
              label={t("dialogueResults.desired")}
              value={agg.desired[level] ?? 0}
              width={((agg.desired[level] ?? 0) / max) * 100}
              variant="desired"
            />
          </div>
        ))}
      </Chart>
      <TableToggle t={t}>
        <DataTable
          caption={question.prompt[lang]}
          columns={[
            t("dialogueResults.level"),
            { label: t("dialogueResults.now"), numeric: true },
            { label: t("dialogueResults.desired"), numeric: true },
          ]}
        >
          {LADDER_LEVELS.map((level) => (
            <Row key={level}>
              <RowHeader>
                {level}. {t(`dialogue.ladder.${level}`)}
              </RowHeader>
              <Cell numeric>{agg.now[level] ?? 0}</Cell>
              <Cell numeric>{agg.desired[level] ?? 0}</Cell>
            </Row>
          ))}
          <Row>
            <RowHeader>{t("dialogueResults.mean")}</RowHeader>
            <Cell numeric>{now}</Cell>
            <Cell numeric>{desired}</Cell>
          </Row>
          <Row>
            <RowHeader>{t("dialogueResults.spread")}</RowHeader>
            <Cell numeric>{formatNumber(agg.spreadNow, lang)}</Cell>
            <Cell numeric>{formatNumber(agg.spreadDesired, lang)}</Cell>
          </Row>
        </DataTable>
      </TableToggle>
    </>
  );
}

function Phases({
  question,
  agg,
  lang,
  t,
}: {
  question: Question;
  agg: Extract<Aggregate, { kind: "phases" }>;
  lang: Lang;
  t: T;
}) {
  const max = Math.max(1, ...PHASES.map((p) => agg.mean[p]));
  const phase = (p: Phase) => t(`dialogue.phases.${p}`);
  const summary = t("dialogueResults.phasesChart", {
    items: PHASES.map((p) =>
      t("dialogueResults.phaseItem", { phase: phase(p), points: formatNumber(agg.mean[p], lang) }),
    ).join("; "),
  });
  return (
    <>
      {agg.underexposed ? (
        <p className="utrecht-paragraph lr-results__figure">
          {t("dialogueResults.leastAttention", { phase: phase(agg.underexposed) })}
        </p>
      ) : null}
      <Chart summary={summary}>
        {PHASES.map((p) => (
          <Bar
            key={p}
            label={phase(p)}
            value={formatNumber(agg.mean[p], lang)}
            width={(agg.mean[p] / max) * 100}
          />
        ))}
      </Chart>
      <TableToggle t={t}>
        <DataTable
          caption={question.prompt[lang]}
          columns={[
            t("dialogueResults.phase"),
            { label: t("dialogueResults.meanPoints"), numeric: true },
          ]}
        >
          {PHASES.map((p) => (
            <Row key={p}>
              <RowHeader>{phase(p)}</RowHeader>
              <Cell numeric>{formatNumber(agg.mean[p], lang)}</Cell>
            </Row>
          ))}
        </DataTable>
      </TableToggle>
    </>
  );
}

function Ranking({
  question,
  agg,
  lang,
  t,
}: {
  question: Question;
  agg: Extract<Aggregate, { kind: "ranking" }>;
  lang: Lang;
  t: T;
}) {
  return (
    <>
      <p className="utrecht-paragraph lr-muted">{t("dialogueResults.rankingNote")}</p>
      <ol className="utrecht-ordered-list lr-ranking">
        {agg.order.map((id) => (
          <li className="utrecht-ordered-list__item" key={id}>
            <strong>{optionLabel(question, id, lang)}</strong>{" "}
            <span className="lr-muted">
              (
              {t("dialogueResults.meanRankIs", { rank: formatNumber(agg.meanRank[id] ?? 0, lang) })}
              )
            </span>
          </li>
        ))}
      </ol>
      <TableToggle t={t}>
        <DataTable
          caption={question.prompt[lang]}
          columns={[
            { label: t("dialogueResults.rank"), numeric: true },
            t("dialogueResults.option"),
            { label: t("dialogueResults.meanRank"), numeric: true },
          ]}
        >
          {agg.order.map((id, i) => (
            <Row key={id}>
              <Cell numeric>{i + 1}</Cell>
              <RowHeader>{optionLabel(question, id, lang)}</RowHeader>
              <Cell numeric>{formatNumber(agg.meanRank[id] ?? 0, lang)}</Cell>
            </Row>
          ))}
        </DataTable>
      </TableToggle>
    </>
  );
}

/** Five sizes, by count relative to the most named word. */
function wordSize(count: number, max: number): number {
  return max <= 1 ? 3 : 1 + Math.round(((count - 1) / (max - 1)) * 4);
}

function Words({
  question,
  agg,
  lang,
  t,
}: {
  question: Question;
  agg: Extract<Aggregate, { kind: "wordcloud" }>;
  lang: Lang;
  t: T;
}) {
  const max = Math.max(1, ...agg.words.map((w) => w.count));
  // Alphabetical in the cloud, so the size, not the place, says how often.
  const cloud = [...agg.words].sort((a, b) => a.word.localeCompare(b.word));
  return (
    <>
      <p className="utrecht-paragraph lr-muted">{t("dialogueResults.wordsNote")}</p>
      <ul className="lr-wordcloud">
        {cloud.map((w) => (
          <li key={w.word} className={`lr-word lr-word--${wordSize(w.count, max)}`}>
            {w.word} <span className="lr-word__count">({w.count})</span>
          </li>
        ))}
      </ul>
      <TableToggle t={t}>
        <DataTable
          caption={question.prompt[lang]}
          columns={[
            t("dialogueResults.word"),
            { label: t("dialogueResults.count"), numeric: true },
          ]}
        >
          {agg.words.map((w) => (
            <Row key={w.word}>
              <RowHeader>{w.word}</RowHeader>
              <Cell numeric>{w.count}</Cell>
            </Row>
          ))}
        </DataTable>
      </TableToggle>
    </>
  );
}

/** Visible open answers, grouped by the theme the facilitator gave them when there are themes. */
export function groupOpenAnswers(
  open: OpenAnswer[],
): { theme: string | null; answers: OpenAnswer[] }[] {
  const visible = open.filter((a) => !a.hidden);
  const groups = new Map<string | null, OpenAnswer[]>();
  for (const a of visible) {
    const key = a.theme?.trim() ? a.theme.trim() : null;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups]
    .map(([theme, answers]) => ({ theme, answers }))
    .sort((a, b) =>
      a.theme === null ? 1 : b.theme === null ? -1 : a.theme.localeCompare(b.theme),
    );
}

function OpenList({ answers }: { answers: OpenAnswer[] }) {
  return (
    <ul className="utrecht-unordered-list lr-open-answers">
      {answers.map((a, i) => (
        <li className="utrecht-unordered-list__item" key={a.participantId ?? i}>
          {a.text}
          {a.name ? <span className="lr-muted"> — {a.name}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function Open({ open, t }: { open: OpenAnswer[] | undefined; t: T }) {
  if (!open) return null;
  const groups = groupOpenAnswers(open);
  if (groups.length === 0)
    return <p className="utrecht-paragraph">{t("dialogueResults.noOpenAnswers")}</p>;
  if (groups.length === 1 && groups[0]!.theme === null)
    return <OpenList answers={groups[0]!.answers} />;
  return (
    <div className="lr-open-groups">
      {groups.map((g) => (
        <section key={g.theme ?? ""} className="lr-open-group">
          <p className="utrecht-paragraph lr-open-group__title">
            <strong>{g.theme ?? t("dialogueResults.noTheme")}</strong>{" "}
            <span className="lr-muted">({g.answers.length})</span>
          </p>
          <OpenList answers={g.answers} />
        </section>
      ))}
    </div>
  );
}

/** The figure per sector that says most for a question kind, as columns of the sector table. */
function sectorColumns(question: Question, lang: Lang, t: T) {
  const k = question.kind;
  if (k === "single" || k === "multiple" || k === "ranking")
    return question.options.map((o) => ({
      label:
        k === "ranking" ? `${o.label[lang]} (${t("dialogueResults.meanRank")})` : o.label[lang],
      value: (a: Aggregate) =>
        a.kind === "ranking"
          ? formatNumber(a.meanRank[o.id] ?? null, lang)
          : a.kind === "single" || a.kind === "multiple"
            ? `${a.counts[o.id] ?? 0} (${percentOf(a.counts[o.id] ?? 0, a.count)}%)`
            : "",
    }));
  if (k === "scale")
    return [
      {
        label: t("dialogueResults.mean"),
        value: (a: Aggregate) => (a.kind === "scale" ? formatNumber(a.mean, lang) : ""),
      },
    ];
  if (k === "ladder")
    return [
      {
        label: `${t("dialogueResults.mean")} ${t("dialogueResults.now").toLowerCase()}`,
        value: (a: Aggregate) => (a.kind === "ladder" ? formatNumber(a.meanNow, lang) : ""),
      },
      {
        label: `${t("dialogueResults.mean")} ${t("dialogueResults.desired").toLowerCase()}`,
        value: (a: Aggregate) => (a.kind === "ladder" ? formatNumber(a.meanDesired, lang) : ""),
      },
    ];
  if (k === "phases")
    return PHASES.map((p) => ({
      label: t(`dialogue.phases.${p}`),
      value: (a: Aggregate) => (a.kind === "phases" ? formatNumber(a.mean[p], lang) : ""),
    }));
  if (k === "wordcloud")
    return [
      {
        label: t("dialogueResults.topWords"),
        value: (a: Aggregate) =>
          a.kind === "wordcloud"
            ? a.words
                .slice(0, 3)
                .map((w) => w.word)
                .join(", ")
            : "",
      },
    ];
  return [];
}

function BySector({
  question,
  results,
  lang,
  t,
}: {
  question: Question;
  results: Results;
  lang: Lang;
  t: T;
}) {
  // Answers given for a group count as the group's (mixed on purpose), not as its scribe's sector.
  const label = (s: string) => (s === GROUP_SECTOR ? t("dialogue.groupAnswers") : t(sectorKey(s)));
  const sectors = Object.keys(results.bySector).sort((a, b) => label(a).localeCompare(label(b)));
  if (sectors.length === 0) return null;
  const columns = sectorColumns(question, lang, t);
  return (
    <DataTable
      caption={t("dialogueResults.bySector")}
      columns={[
        t("dialogueResults.sector"),
        { label: t("dialogueResults.respondents"), numeric: true },
        ...columns.map((c) => ({ label: c.label, numeric: question.kind !== "wordcloud" })),
      ]}
    >
      {sectors.map((s) => {
        const agg = results.bySector[s]!;
        return (
          <Row key={s}>
            <RowHeader>{label(s)}</RowHeader>
            <Cell numeric>{agg.count}</Cell>
            {columns.map((c, i) => (
              <Cell key={i} numeric={question.kind !== "wordcloud"}>
                {c.value(agg)}
              </Cell>
            ))}
          </Row>
        );
      })}
    </DataTable>
  );
}

/**
 * The results of one question as a chart with a data table beside it (in a "show as table"
 * disclosure, always in the document), and the same figures per sector. The question's own texts
 * (options, prompt) are in the session's language (`lang`); the words around the figures are in
 * the reader's (`reader`): the room's screens pass none and speak the session's language, the
 * facilitator's pages pass the page's. Marked as such for screen readers. Pure: it renders the
 * same on the server and in the browser, so the live console and presenter can use it as it is.
 */
export function ResultsView({
  question,
  results,
  lang,
  reader = lang,
  open,
  size = "normal",
}: {
  question: Question;
  results: Results;
  lang: Lang;
  reader?: Lang;
  open?: OpenAnswer[];
  size?: "normal" | "large";
}) {
  const t: T = translator(reader);
  const agg = results.all;
  // Only the room's copy (`forRoom`) leaves sectors out; the facilitator's shows them all.
  const withheld = withheldText(results.withheld, t, "sectors");
  let body: ReactNode = null;
  if (agg.count === 0 && !(agg.kind === "open" && open?.length))
    body = <p className="utrecht-paragraph">{t("dialogueResults.noAnswers")}</p>;
  else if ((agg.kind === "single" || agg.kind === "multiple") && "options" in question)
    body = <Options question={question} agg={agg} lang={lang} t={t} />;
  else if (agg.kind === "scale" && question.kind === "scale")
    body = <Scale question={question} agg={agg} lang={lang} t={t} />;
  else if (agg.kind === "ladder") body = <Ladder question={question} agg={agg} lang={lang} t={t} />;
  else if (agg.kind === "phases") body = <Phases question={question} agg={agg} lang={lang} t={t} />;
  else if (agg.kind === "ranking")
    body = <Ranking question={question} agg={agg} lang={lang} t={t} />;
  else if (agg.kind === "wordcloud")
    body = <Words question={question} agg={agg} lang={lang} t={t} />;
  else if (agg.kind === "open") body = <Open open={open} t={t} />;
  return (
    <div className={`lr-results lr-results--${size}`} lang={reader}>
      <p className="utrecht-paragraph lr-muted">
        {t("dialogueResults.answerCount", { count: agg.count })}
      </p>
      {body}
      {agg.count > 0 ? <BySector question={question} results={results} lang={lang} t={t} /> : null}
      {agg.count > 0 && withheld ? <p className="utrecht-paragraph lr-muted">{withheld}</p> : null}
    </div>
  );
}
