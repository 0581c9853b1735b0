import type { Route } from "./+types/overview";
import { getRegionOverview } from "../../../core/regions/queries.ts";
import { SECTORS } from "../../../core/regions/sectors.ts";
import { useT } from "../../lib/i18n.ts";
import { requestT, requireRegion } from "../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug);
  const overview = await getRegionOverview(scope);
  return { region, overview, title: `${requestT(context)("nav.overview")} · ${region.name}` };
}

export default function Overview({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { region, overview } = loaderData;
  const bySector = new Map(overview.sectorMix.map((s) => [s.sector, s]));
  const max = Math.max(1, ...overview.sectorMix.map((s) => s.organisations));
  const missing = SECTORS.filter((s) => s !== "other" && !bySector.has(s));
  return (
    <>
      <h1 className="utrecht-heading-1">{region.name}</h1>
      {region.description ? (
        <p className="utrecht-paragraph utrecht-paragraph--lead">{region.description}</p>
      ) : null}
      <ul className="lr-figures" aria-label={t("regions.figures")}>
        <li>
          <strong>{overview.organisations}</strong> {t("nav.organisations")}
        </li>
        <li>
          <strong>{overview.people}</strong> {t("nav.people")}
        </li>
        <li>
          <strong>{overview.members}</strong> {t("regions.membersCount")}
        </li>
      </ul>
      <h2 className="utrecht-heading-2">{t("regions.sectorMix")}</h2>
      <div className="lr-table-wrap">
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption">{t("regions.sectorMixCaption")}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                {t("regions.sector")}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t("nav.organisations")}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t("nav.people")}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {SECTORS.map((s) => {
              const row = bySector.get(s);
              return (
                <tr className="utrecht-table__row" key={s}>
                  <th className="utrecht-table__header-cell" scope="row">
                    {t(`sectors.${s}`)}
                  </th>
                  <td className="utrecht-table__cell">
                    <span
                      className="lr-bar"
                      style={{ width: `${((row?.organisations ?? 0) / max) * 8}rem` }}
                      aria-hidden="true"
                    />
                    {row?.organisations ?? 0}
                  </td>
                  <td className="utrecht-table__cell">{row?.people ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {missing.length > 0 ? (
        <p className="utrecht-paragraph">
          {t("regions.missingSectors")} {missing.map((s) => t(`sectors.${s}`)).join(", ")}
        </p>
      ) : null}
    </>
  );
}
