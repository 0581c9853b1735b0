import type { ReactNode } from "react";
import { Link } from "react-router";
import type { PublicationModel } from "../../../core/harvest/publication.ts";
import type { Chart } from "../../../core/harvest/publicationText.ts";
import { translator } from "../../../i18n/index.ts";
import { Cell, DataTable, Row, RowHeader } from "../table.tsx";
import { sectorKey } from "../../../core/kernel/sectors.ts";

type T = ReturnType<typeof translator>;

/** Paragraphs of plain text: organisers type text, never HTML. A blank line starts a new one. */
export function TextParagraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\r?\n\s*\r?\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p className="utrecht-paragraph lr-pub-text" key={i}>
            {p}
          </p>
        ))}
    </>
  );
}

/** Bars with a sentence for screen readers, and the same figures as a table to open. */
export function ChartWithTable({
  chart,
  t,
  labelHeading,
  countHeading,
}: {
  chart: Chart;
  t: T;
  labelHeading?: string;
  countHeading?: string;
}) {
  return (
    <figure className="lr-pub-chart">
      <figcaption className="lr-pub-chart__caption">{chart.caption}</figcaption>
      <div className="lr-chart" role="img" aria-label={chart.summary}>
        {chart.bars.map((b, i) => (
          <div className="lr-rbar" key={i}>
            <span className="lr-rbar__label">{b.label}</span>
            <span className="lr-rbar__track">
              <span
                className="lr-rbar__fill lr-pub-fill"
                style={{ width: b.count > 0 ? `max(2px, ${Math.round(b.ratio * 100)}%)` : "0" }}
              />
            </span>
            <span className="lr-rbar__value">
              {b.count} ({b.percent}%)
            </span>
          </div>
        ))}
      </div>
      <details className="lr-results__table">
        <summary>{t("dialogueResults.showTable")}</summary>
        <DataTable
          caption={chart.caption}
          columns={[
            labelHeading ?? t("publication.label"),
            { label: countHeading ?? t("publication.count"), numeric: true },
            { label: t("publication.percent"), numeric: true },
          ]}
        >
          {chart.bars.map((b, i) => (
            <Row key={i}>
              <RowHeader>{b.label}</RowHeader>
              <Cell numeric>{b.count}</Cell>
              <Cell numeric>{b.percent}%</Cell>
            </Row>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}

export interface PublicationViewProps {
  model: PublicationModel;
  charts: Chart[];
  themeCharts: Chart[];
  date: string;
  /** Headings start at this level: 1 on the public page, 2 inside the organiser's page. */
  level: 1 | 2;
  /** Where "Bijdragen hierachter" points for a theme; the appendix section when absent. */
  behindHref?: (themeId: string) => string;
  /** Extra controls after each theme (the organiser's editing forms). */
  themeExtra?: (themeId: string) => ReactNode;
  /** Shows the appendix; the organiser's preview leaves it to the downloads. */
  appendix?: boolean;
  /** A large appendix is shown one theme (and one page of it) at a time: see `pageAppendix`. */
  paging?: AppendixPaging | null;
}

export interface AppendixPaging {
  groups: { key: string; label: string; count: number }[];
  chosen: string | null;
  page: number;
  pages: number;
}

/** The query string that shows one theme's page of a large appendix. */
export const appendixHref = (key: string, page = 1) =>
  `?bijlage=${encodeURIComponent(key)}${page > 1 ? `&pagina=${page}` : ""}#pub-appendix`;

function H({ level, children, id }: { level: number; children: ReactNode; id?: string }) {
  const Tag = `h${Math.min(6, level)}` as "h1";
  return (
    <Tag className={`utrecht-heading-${Math.min(6, level)}`} id={id}>
      {children}
    </Tag>
  );
}

/**
 * The publication as a web page, in the model's language: title band in the region's colour,
 * introduction, figures, themes with summary, quotes and sector mix, and the appendix.
 */
export function PublicationView({
  model,
  charts,
  themeCharts,
  date,
  level,
  behindHref,
  themeExtra,
  appendix = true,
  paging = null,
}: PublicationViewProps) {
  const t = translator(model.lang);
  const anchor = (themeId: string | null) => `bijlage-${themeId ?? "overig"}`;
  return (
    <article className="lr-pub" lang={model.lang}>
      <header className="lr-pub__title">
        <p className="lr-pub__region">{model.region.name}</p>
        <H level={level}>{model.title}</H>
        <p className="lr-pub__date">{date}</p>
      </header>

      {model.introduction.trim() ? (
        <section className="lr-section" aria-labelledby="pub-intro">
          <H level={level + 1} id="pub-intro">
            {t("publication.introduction")}
          </H>
          <TextParagraphs text={model.introduction} />
        </section>
      ) : null}

      <section className="lr-section" aria-labelledby="pub-figures">
        <H level={level + 1} id="pub-figures">
          {t("publication.figures")}
        </H>
        <p className="utrecht-paragraph">
          {t("publication.figuresLine", {
            count: model.figures.total,
            sources: model.figures.sources,
            themed: model.figures.themed,
          })}
        </p>
        {charts
          .filter((c) => c.bars.length > 0)
          .map((c) => (
            <ChartWithTable chart={c} t={t} key={c.caption} />
          ))}
      </section>

      {model.themes.length > 0 ? (
        <section className="lr-section" aria-labelledby="pub-themes">
          <H level={level + 1} id="pub-themes">
            {t("publication.themes")}
          </H>
          {model.themes.map((theme, i) => (
            <section
              className="lr-pub-theme"
              key={theme.id}
              aria-labelledby={`pub-theme-${theme.id}`}
            >
              <H level={level + 2} id={`pub-theme-${theme.id}`}>
                {theme.label}
              </H>
              {theme.strategicTheme ? (
                <p className="utrecht-paragraph lr-muted">
                  {t("publication.strategicTheme", { name: theme.strategicTheme })}
                </p>
              ) : null}
              <TextParagraphs text={theme.summary} />
              {theme.quotes.length > 0 ? (
                <>
                  <H level={level + 3}>{t("publication.quotes")}</H>
                  {theme.quotes.map((q) => (
                    <blockquote className="lr-pub-quote" key={q.id}>
                      <p className="utrecht-paragraph">{q.text}</p>
                    </blockquote>
                  ))}
                </>
              ) : null}
              {theme.sectorMix.length > 0 && themeCharts[i] ? (
                <ChartWithTable chart={themeCharts[i]} t={t} />
              ) : null}
              <p className="utrecht-paragraph">
                {behindHref ? (
                  <Link className="utrecht-link" to={behindHref(theme.id)}>
                    {t("publication.behind", { count: theme.count })}
                  </Link>
                ) : appendix && theme.count > 0 ? (
                  <a
                    className="utrecht-link"
                    href={paging ? appendixHref(theme.id) : `#${anchor(theme.id)}`}
                  >
                    {t("publication.behind", { count: theme.count })}
                  </a>
                ) : (
                  t("publication.themeCount", { count: theme.count })
                )}
              </p>
              {themeExtra?.(theme.id)}
            </section>
          ))}
        </section>
      ) : null}

      {appendix ? (
        <section className="lr-section" aria-labelledby="pub-appendix">
          <H level={level + 1} id="pub-appendix">
            {t("publication.appendix")}
          </H>
          <p className="utrecht-paragraph">{t("publication.appendixIntro")}</p>
          {model.appendix.length === 0 ? (
            <p className="utrecht-paragraph">{t("publication.noContributions")}</p>
          ) : null}
          {paging ? <AppendixPages paging={paging} t={t} /> : null}
          {model.appendix.map((group) => (
            <details
              open={paging ? true : undefined}
              className="lr-pub-appendix"
              key={group.themeId ?? "none"}
              id={anchor(group.themeId)}
            >
              <summary>
                {group.label || t("publication.unthemed")} ({group.contributions.length})
              </summary>
              <DataTable
                caption={group.label || t("publication.unthemed")}
                hideCaption
                columns={[
                  t("publication.columns.text"),
                  t("publication.columns.kind"),
                  t("publication.columns.sector"),
                  t("publication.columns.source"),
                ]}
              >
                {group.contributions.map((c) => (
                  <Row key={c.id}>
                    <Cell>{c.text}</Cell>
                    <Cell>{t(`publication.kinds.${c.kind}`)}</Cell>
                    <Cell>{c.sector ? t(sectorKey(c.sector)) : t("publication.noSector")}</Cell>
                    <Cell>{c.source || t("publication.noSource")}</Cell>
                  </Row>
                ))}
              </DataTable>
            </details>
          ))}
        </section>
      ) : null}
      <p className="utrecht-paragraph lr-muted">{t("publication.madeBy")}</p>
    </article>
  );
}

/** The themes of a large appendix as links, and paging within the chosen one. */
function AppendixPages({ paging, t }: { paging: AppendixPaging; t: T }) {
  const { groups, chosen, page, pages } = paging;
  return (
    <>
      <p className="utrecht-paragraph">{t("publication.appendixChoose")}</p>
      <ul className="utrecht-unordered-list">
        {groups.map((g) => (
          <li className="utrecht-unordered-list__item" key={g.key}>
            <a
              className="utrecht-link"
              href={appendixHref(g.key)}
              aria-current={g.key === chosen ? "page" : undefined}
            >
              {`${g.label || t("publication.unthemed")} (${g.count})`}
            </a>
          </li>
        ))}
      </ul>
      {chosen && pages > 1 ? (
        <nav className="lr-pub-pages" aria-label={t("publication.appendixPages")}>
          <p className="utrecht-paragraph">
            {page > 1 ? (
              <a className="utrecht-link" href={appendixHref(chosen, page - 1)}>
                {t("publication.previous")}
              </a>
            ) : null}{" "}
            {t("publication.pageOf", { page, pages })}{" "}
            {page < pages ? (
              <a className="utrecht-link" href={appendixHref(chosen, page + 1)}>
                {t("publication.next")}
              </a>
            ) : null}
          </p>
        </nav>
      ) : null}
    </>
  );
}
