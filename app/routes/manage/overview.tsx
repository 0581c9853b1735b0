import { Link } from "react-router";
import type { Route } from "./+types/overview";
import { regionDashboard } from "../../../core/challenges/dashboard.ts";
import { challengePolicy } from "../../../core/challenges/policy.ts";
import { may } from "../../../core/kernel/scope.ts";
import { SECTORS } from "../../../core/kernel/sectors.ts";
import { regionPolicy } from "../../../core/regions/policy.ts";
import { getRegionOverview } from "../../../core/regions/queries.ts";
import { ChallengesTable } from "../../components/dashboard/ChallengesTable.tsx";
import { ComingUp } from "../../components/dashboard/ComingUp.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../components/table.tsx";
import { useT } from "../../lib/i18n.ts";
import { requestT, requireRegion } from "../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

/**
 * The region's index page. For those who follow the challenges it is the dashboard ("waar staan
 * we?"), the page an organiser lands on; the region's figures stay below it for everyone.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    regionPolicy.viewOverview,
  );
  const [overview, dashboard] = await Promise.all([
    getRegionOverview(scope),
    may(scope, challengePolicy.view) ? regionDashboard(scope) : null,
  ]);
  const t = requestT(context);
  return {
    region,
    overview,
    dashboard,
    canCreate: may(scope, challengePolicy.createChallenge),
    title: `${t(dashboard ? "challengeDashboard.title" : "nav.overview")} · ${region.name}`,
  };
}

export default function Overview({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { region, overview, dashboard, canCreate } = loaderData;
  const base = `/manage/${region.slug}`;
  const bySector = new Map(overview.sectorMix.map((s) => [s.sector, s]));
  const max = Math.max(1, ...overview.sectorMix.map((s) => s.organisations));
  const missing = SECTORS.filter((s) => s !== "other" && !bySector.has(s));
  const Figures = dashboard ? "h2" : "h1";
  return (
    <>
      {dashboard ? (
        <>
          <h1 className="utrecht-heading-1">
            {t("challengeDashboard.title")} · {region.name}
          </h1>
          <p className="utrecht-paragraph utrecht-paragraph--lead">
            {t("challengeDashboard.summary", {
              active: dashboard.challenges.filter((c) => c.status === "active").length,
              warned: dashboard.challenges.filter((c) => c.warnings.length > 0).length,
              count: dashboard.challenges.length,
            })}
          </p>
          <ul className="lr-plain-list lr-no-print">
            {canCreate ? (
              <li>
                <Link className="utrecht-link" to={`${base}/challenges/new`}>
                  {t("challengeDashboard.newChallenge")}
                </Link>
              </li>
            ) : null}
            <li>
              <Link className="utrecht-link" to={`${base}/challenges`}>
                {t("challengeDashboard.allChallenges")}
              </Link>
            </li>
            <li>
              <Link className="utrecht-link" to={`${base}/timeline`}>
                {t("challengeDashboard.regionTimeline")}
              </Link>
            </li>
          </ul>
          {dashboard.challenges.length === 0 ? (
            <p className="utrecht-paragraph">{t("challengeDashboard.none")}</p>
          ) : (
            <ChallengesTable base={base} challenges={dashboard.challenges} />
          )}
          <ComingUp base={base} dashboard={dashboard} />
        </>
      ) : null}
      <Figures className={dashboard ? "utrecht-heading-2" : "utrecht-heading-1"}>
        {dashboard ? t("challengeDashboard.regionFigures") : region.name}
      </Figures>
      {region.description ? (
        <p className="utrecht-paragraph utrecht-paragraph--lead">{region.description}</p>
      ) : null}
      <ul className="lr-figures" aria-label={t("regions.figures")}>
        <li>
          <strong>{overview.organisations}</strong>{" "}
          {t("regions.organisationsCount", { count: overview.organisations })}
        </li>
        <li>
          <strong>{overview.people}</strong> {t("regions.peopleCount", { count: overview.people })}
        </li>
        <li>
          <strong>{overview.members}</strong>{" "}
          {t("regions.membersCount", { count: overview.members })}
        </li>
      </ul>
      {dashboard ? (
        <h3 className="utrecht-heading-3">{t("regions.sectorMix")}</h3>
      ) : (
        <h2 className="utrecht-heading-2">{t("regions.sectorMix")}</h2>
      )}
      <DataTable
        caption={t("regions.sectorMixCaption")}
        columns={[t("regions.sector"), t("nav.organisations"), t("nav.people")]}
      >
        {SECTORS.map((s) => {
          const row = bySector.get(s);
          return (
            <Row key={s}>
              <RowHeader>{t(`sectors.${s}`)}</RowHeader>
              <Cell>
                <span
                  className="lr-bar"
                  style={{ width: `${((row?.organisations ?? 0) / max) * 8}rem` }}
                  aria-hidden="true"
                />
                {row?.organisations ?? 0}
              </Cell>
              <Cell>{row?.people ?? 0}</Cell>
            </Row>
          );
        })}
      </DataTable>
      {missing.length > 0 ? (
        <p className="utrecht-paragraph">
          {t("regions.missingSectors")} {missing.map((s) => t(`sectors.${s}`)).join(", ")}
        </p>
      ) : null}
    </>
  );
}
