import { Link } from "react-router";
import type { Route } from "./+types/results";
import { scanPolicy } from "../../../../core/scan/policy.ts";
import { roundPage } from "../../../../core/scan/queries.ts";
import type { Breakdown } from "../../../../core/scan/results.ts";
import { MIN_GROUP } from "../../../../core/scan/schema.ts";
import { SCAN_THEMES } from "../../../../core/scan/statements.ts";
import { isPerspective, isSector, sectorKey } from "../../../../core/kernel/sectors.ts";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { useT } from "../../../lib/i18n.ts";
import { getRequestInfo, notFound, requestT, requireRegion } from "../../../lib/request.server.ts";
import { BackToScan, BarChart, SummaryCells, useNumber, useSummaryColumns } from "./ScanParts.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, scanPolicy.view);
  const page = await roundPage(scope, params.id, params.roundId, getRequestInfo(context).locale);
  if (!page) notFound(context);
  const t = requestT(context);
  return {
    base: `/manage/${region.slug}/scans`,
    ...page,
    pageTitle: `${t("scan.resultsOf", { n: page.round.number })} · ${page.scan.title}`,
  };
}

function BreakdownTable({
  id,
  title,
  groups,
  label,
}: {
  id: string;
  title: string;
  groups: Breakdown[];
  label: (key: string | null) => string;
}) {
  const t = useT();
  const n = useNumber();
  return (
    <section aria-labelledby={id}>
      <h3 className="utrecht-heading-3" id={id}>
        {title}
      </h3>
      <DataTable
        caption={t("scan.result.breakdownCaption", { min: MIN_GROUP })}
        columns={[
          t("scan.result.group_col"),
          { label: t("scan.result.n"), numeric: true },
          ...SCAN_THEMES.map((theme) => ({ label: t(`scan.themes.${theme}`), numeric: true })),
        ]}
      >
        {groups.map((g) => (
          <Row key={g.key ?? "none"}>
            <RowHeader>{label(g.key)}</RowHeader>
            {g.hidden ? (
              <td className="utrecht-table__cell" colSpan={1 + SCAN_THEMES.length}>
                {t("scan.result.tooFew")}
              </td>
            ) : (
              <>
                <Cell numeric>{g.n}</Cell>
                {g.themes.map((x) => (
                  <Cell numeric key={x.theme}>
                    {n(x.median)}
                  </Cell>
                ))}
              </>
            )}
          </Row>
        ))}
      </DataTable>
    </section>
  );
}

export default function RoundResultsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const n = useNumber();
  const columns = useSummaryColumns();
  const { base, scan, round, results, tips } = loaderData;
  const themeName = (theme: (typeof SCAN_THEMES)[number]) => t(`scan.themes.${theme}`);
  return (
    <>
      <BackToScan base={base} scanId={scan.id} title={scan.title} />
      <h1 className="utrecht-heading-1">
        {t("scan.resultsOf", { n: round.number })}
        {round.label ? ` (${round.label})` : ""}
      </h1>
      <p className="utrecht-paragraph">
        {scan.title} · {t("scan.result.count", { count: results.n })} ·{" "}
        {t(`scan.roundStatus.${round.status}`)}
      </p>
      {results.n === 0 ? (
        <p className="utrecht-paragraph">{t("scan.result.none")}</p>
      ) : (
        <>
          {results.weakest ? (
            <section aria-labelledby="weakest">
              <h2 className="utrecht-heading-2" id="weakest">
                {t("scan.result.weakest", { theme: themeName(results.weakest) })}
              </h2>
              <h3 className="utrecht-heading-3" id="tips">
                {t("scan.result.tips", { theme: themeName(results.weakest) })}
              </h3>
              {tips.length === 0 ? (
                <p className="utrecht-paragraph">{t("scan.result.noTips")}</p>
              ) : (
                <ul className="utrecht-unordered-list">
                  {tips.map((tip) => (
                    <li className="utrecht-unordered-list__item" key={tip.id}>
                      <Link className="utrecht-link" to={tip.path}>
                        {tip.title}
                      </Link>
                      {tip.summary ? ` — ${tip.summary}` : ""}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}

          <section aria-labelledby="themes">
            <h2 className="utrecht-heading-2" id="themes">
              {t("scan.result.themes")}
            </h2>
            <BarChart
              id="themes-chart"
              categories={results.themes.map((x) => themeName(x.theme))}
              series={[
                {
                  label: t("scan.result.group"),
                  values: results.themes.map((x) => x.group.median),
                },
                {
                  label: t("scan.result.individual"),
                  values: results.themes.map((x) => x.individual.median),
                },
              ]}
              description={t("scan.result.chart")}
            />
            <DataTable
              caption={t("scan.result.themesCaption")}
              columns={[
                t("scan.theme"),
                { label: `${t("scan.result.group")}: ${t("scan.result.median")}`, numeric: true },
                `${t("scan.result.group")}: ${t("scan.result.iqr")}`,
                {
                  label: `${t("scan.result.individual")}: ${t("scan.result.median")}`,
                  numeric: true,
                },
                `${t("scan.result.individual")}: ${t("scan.result.iqr")}`,
                { label: t("scan.result.gap"), numeric: true },
              ]}
            >
              {results.themes.map((x) => (
                <Row key={x.theme}>
                  <RowHeader>{themeName(x.theme)}</RowHeader>
                  <Cell numeric>{n(x.group.median)}</Cell>
                  <Cell>{x.group.q1 === null ? "–" : `${n(x.group.q1)}–${n(x.group.q3)}`}</Cell>
                  <Cell numeric>{n(x.individual.median)}</Cell>
                  <Cell>
                    {x.individual.q1 === null ? "–" : `${n(x.individual.q1)}–${n(x.individual.q3)}`}
                  </Cell>
                  <Cell numeric>{x.gap === null ? "–" : `${x.gap > 0 ? "+" : ""}${n(x.gap)}`}</Cell>
                </Row>
              ))}
            </DataTable>
            <p className="utrecht-paragraph lr-muted">{t("scan.result.gapExplain")}</p>
          </section>

          <section aria-labelledby="groups">
            <h2 className="utrecht-heading-2" id="groups">
              {t("scan.result.bySector")} / {t("scan.result.byPerspective")}
            </h2>
            <p className="utrecht-paragraph">{t("scan.result.tooFewNote", { min: MIN_GROUP })}</p>
            <BreakdownTable
              id="by-sector"
              title={t("scan.result.bySector")}
              groups={results.bySector}
              label={(k) =>
                k === null ? t("scan.result.notGiven") : isSector(k) ? t(sectorKey(k)) : k
              }
            />
            <BreakdownTable
              id="by-perspective"
              title={t("scan.result.byPerspective")}
              groups={results.byPerspective}
              label={(k) =>
                k === null
                  ? t("scan.result.notGiven")
                  : isPerspective(k)
                    ? t(`perspectives.${k}`)
                    : k
              }
            />
          </section>

          <section aria-labelledby="ladder">
            <h2 className="utrecht-heading-2" id="ladder">
              {t("scan.result.ladder")}
            </h2>
            <DataTable caption={t("scan.result.ladderCaption")} columns={[null, ...columns]}>
              <Row>
                <RowHeader>{t("scan.result.now")}</RowHeader>
                <SummaryCells s={results.ladderNow} />
              </Row>
              <Row>
                <RowHeader>{t("scan.result.desired")}</RowHeader>
                <SummaryCells s={results.ladderDesired} />
              </Row>
            </DataTable>
            <h3 className="utrecht-heading-3" id="phases">
              {t("scan.result.phases")}
            </h3>
            <DataTable caption={t("scan.result.phasesCaption")} columns={[null, ...columns]}>
              {results.phases.map((s, i) => (
                <Row key={i}>
                  <RowHeader>
                    {i + 1}. {t(`scan.phases.${(i + 1) as 1 | 2 | 3 | 4}`)}
                  </RowHeader>
                  <SummaryCells s={s} />
                </Row>
              ))}
            </DataTable>
          </section>

          <section aria-labelledby="per-statement">
            <h2 className="utrecht-heading-2" id="per-statement">
              {t("scan.result.statements")}
            </h2>
            <DataTable
              caption={t("scan.result.statementsCaption")}
              columns={[t("scan.statement"), t("scan.theme"), t("scan.kind"), ...columns]}
            >
              {results.statements.map((s) => (
                <Row key={s.key}>
                  <RowHeader>{s.text}</RowHeader>
                  <Cell>{themeName(s.theme)}</Cell>
                  <Cell>{t(`scan.forms.${s.form}`)}</Cell>
                  <SummaryCells s={s.summary} />
                </Row>
              ))}
            </DataTable>
          </section>
        </>
      )}
    </>
  );
}
