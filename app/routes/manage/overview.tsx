import type { Route } from "./+types/overview";
import { regionPolicy } from "../../../core/regions/policy.ts";
import { getRegionOverview } from "../../../core/regions/queries.ts";
import { SECTORS } from "../../../core/kernel/sectors.ts";
import { Cell, DataTable, Row, RowHeader } from "../../components/table.tsx";
import { useT } from "../../lib/i18n.ts";
import { requestT, requireRegion } from "../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    regionPolicy.viewOverview,
  );
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
