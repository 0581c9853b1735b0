import type { CoalitionMix } from "../../../core/coalitions/mix.ts";
import { PERSPECTIVES, SECTORS } from "../../../core/kernel/sectors.ts";
import { Cell, DataTable, Row, RowHeader } from "../table.tsx";
import { useT } from "../../lib/i18n.ts";

/**
 * A coalition's composition as two tables, one row for every sector and every perspective, so
 * what is missing is as visible as what is there (and read out as such).
 */
export function CoalitionMixTables({ mix }: { mix: CoalitionMix }) {
  const t = useT();
  const sectorCount = new Map(mix.sectors.map((s) => [s.sector, s.count]));
  const perspectiveCount = new Map(mix.perspectives.map((p) => [p.perspective, p.count]));
  const status = (count: number, canBeMissing: boolean) =>
    count > 0 ? t("coalitions.present") : canBeMissing ? t("coalitions.missing") : "";
  return (
    <>
      <DataTable
        caption={t("coalitions.bySector")}
        columns={[
          t("coalitions.sector"),
          { label: t("coalitions.count"), numeric: true },
          t("coalitions.columns.missing"),
        ]}
      >
        {SECTORS.map((s) => {
          const n = sectorCount.get(s) ?? 0;
          return (
            <Row key={s}>
              <RowHeader>{t(`sectors.${s}`)}</RowHeader>
              <Cell numeric>{n}</Cell>
              <Cell>
                {n === 0 && s !== "other" ? (
                  <strong>{status(n, true)}</strong>
                ) : (
                  status(n, s !== "other")
                )}
              </Cell>
            </Row>
          );
        })}
        {sectorCount.has(null) ? (
          <Row>
            <RowHeader>{t("coalitions.unknown")}</RowHeader>
            <Cell numeric>{sectorCount.get(null)}</Cell>
            <Cell />
          </Row>
        ) : null}
      </DataTable>
      <DataTable
        caption={t("coalitions.byPerspective")}
        columns={[
          t("coalitions.perspective"),
          { label: t("coalitions.count"), numeric: true },
          t("coalitions.columns.missing"),
        ]}
      >
        {PERSPECTIVES.map((p) => {
          const n = perspectiveCount.get(p) ?? 0;
          return (
            <Row key={p}>
              <RowHeader>{t(`perspectives.${p}`)}</RowHeader>
              <Cell numeric>{n}</Cell>
              <Cell>{n === 0 ? <strong>{status(n, true)}</strong> : status(n, true)}</Cell>
            </Row>
          );
        })}
        {perspectiveCount.has(null) ? (
          <Row>
            <RowHeader>{t("coalitions.unknown")}</RowHeader>
            <Cell numeric>{perspectiveCount.get(null)}</Cell>
            <Cell />
          </Row>
        ) : null}
      </DataTable>
    </>
  );
}

/** "Ontbreekt nog: Bewonersinitiatief, Onderzoek" in one line. */
export function missingList(t: ReturnType<typeof useT>, mix: CoalitionMix): string {
  return [
    ...mix.missingSectors.map((s) => t(`sectors.${s}`)),
    ...mix.missingPerspectives.map((p) => t(`perspectives.${p}`)),
  ].join(", ");
}
