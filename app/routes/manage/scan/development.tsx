import type { Route } from "./+types/development";
import type { Change, Series } from "../../../../core/scan/compare.ts";
import { scanPolicy } from "../../../../core/scan/policy.ts";
import { scanDevelopment } from "../../../../core/scan/queries.ts";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { useT } from "../../../lib/i18n.ts";
import { getRequestInfo, notFound, requestT, requireRegion } from "../../../lib/request.server.ts";
import { BackToScan, BarChart, useNumber } from "./ScanParts.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, scanPolicy.view);
  const found = await scanDevelopment(scope, params.id, getRequestInfo(context).locale);
  if (!found) notFound(context);
  return {
    base: `/manage/${region.slug}/scans`,
    ...found,
    pageTitle: requestT(context)("scan.development.title", { title: found.scan.title }),
  };
}

function useChange() {
  const t = useT();
  const n = useNumber();
  return (c: Change | undefined) => {
    if (!c || c.meanChange === null) return t("scan.development.noChange");
    const change = `${c.meanChange > 0 ? "+" : ""}${n(c.meanChange, 2)}`;
    if (c.p === null) return t("scan.development.unknown", { change });
    const p = n(c.p, 3);
    return c.beyondNoise
      ? t("scan.development.beyond", { change, p })
      : t("scan.development.within", { change, p });
  };
}

/** One row per series: the mean of each round and, after each later round, the change. */
function SeriesCells({ s }: { s: Series }) {
  const n = useNumber();
  const change = useChange();
  return (
    <>
      {s.perRound.map((r, i) => (
        <Cell key={i}>
          {n(r.mean)} <span className="lr-muted">(n = {r.n})</span>
          {i > 0 ? (
            <>
              <br />
              {change(s.changes[i - 1])}
            </>
          ) : null}
        </Cell>
      ))}
    </>
  );
}

export default function DevelopmentPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { base, scan, development } = loaderData;
  const roundNames = development.rounds.map(
    (r) => `${t("scan.round", { n: r.number })}${r.label ? ` (${r.label})` : ""}`,
  );
  return (
    <>
      <BackToScan base={base} scanId={scan.id} title={scan.title} />
      <h1 className="utrecht-heading-1">{t("scan.development.title", { title: scan.title })}</h1>
      <p className="utrecht-paragraph">{t("scan.development.intro")}</p>
      {development.rounds.length < 2 ? (
        <p className="utrecht-paragraph">{t("scan.development.needTwo")}</p>
      ) : (
        <>
          <section aria-labelledby="dev-themes">
            <h2 className="utrecht-heading-2" id="dev-themes">
              {t("scan.result.themes")}
            </h2>
            <BarChart
              id="dev-chart"
              categories={development.themes.map((x) => t(`scan.themes.${x.theme}`))}
              series={roundNames.map((label, i) => ({
                label,
                values: development.themes.map((x) => x.perRound[i]?.mean ?? null),
              }))}
              description={t("scan.development.chart")}
            />
            <DataTable
              caption={t("scan.development.themesCaption")}
              columns={[t("scan.theme"), ...roundNames]}
            >
              {development.themes.map((x) => (
                <Row key={x.theme}>
                  <RowHeader>{t(`scan.themes.${x.theme}`)}</RowHeader>
                  <SeriesCells s={x} />
                </Row>
              ))}
            </DataTable>
          </section>
          <section aria-labelledby="dev-statements">
            <h2 className="utrecht-heading-2" id="dev-statements">
              {t("scan.result.statements")}
            </h2>
            <DataTable
              caption={t("scan.development.statementsCaption")}
              columns={[t("scan.statement"), ...roundNames]}
            >
              {development.statements.map((s) => (
                <Row key={s.key}>
                  <RowHeader>
                    {s.text} <span className="lr-muted">({t(`scan.forms.${s.form}`)})</span>
                  </RowHeader>
                  <SeriesCells s={s} />
                </Row>
              ))}
            </DataTable>
          </section>
        </>
      )}
    </>
  );
}
