import type { Route } from "./+types/detail";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { useT } from "../../../lib/i18n.ts";
import { Section } from "./EventSection.tsx";
import { sectorKey } from "../../../../core/kernel/sectors.ts";

type Data = Route.ComponentProps["loaderData"];

/** The figures of the event: places, waitlist, who came, and the sector mix. */
export function EventFiguresSection({ data }: { data: Data }) {
  const t = useT();
  const { event, figures, sectorRows } = data;
  const maxBar = Math.max(1, ...sectorRows.map((r) => Math.max(r.registered, r.attended)));
  return (
    <Section id="figures" title={t("eventsAdmin.figuresTitle")}>
      <ul className="lr-figures" aria-label={t("eventsAdmin.figuresLabel")}>
        <li>
          <strong>{figures.confirmed}</strong>{" "}
          {event.capacity === null
            ? t("eventsAdmin.figConfirmed")
            : t("eventsAdmin.figConfirmedOf", { capacity: event.capacity })}
        </li>
        <li>
          <strong>{figures.waitlisted}</strong> {t("eventsAdmin.figWaitlist")}
        </li>
        <li>
          <strong>{figures.cancelled}</strong> {t("eventsAdmin.figCancelled")}
        </li>
        <li>
          <strong>{figures.attended}</strong> {t("eventsAdmin.figAttended")}
        </li>
        {figures.noShow === null ? null : (
          <li>
            <strong>{figures.noShow}</strong> {t("eventsAdmin.figNoShow")}
          </li>
        )}
      </ul>
      <h3 className="utrecht-heading-3">{t("eventsAdmin.sectorMixTitle")}</h3>
      <DataTable
        caption={t("eventsAdmin.sectorMixCaption")}
        columns={[
          t("eventsAdmin.sectorColumn"),
          t("eventsAdmin.registrantsColumn"),
          t("eventsAdmin.attendeesColumn"),
        ]}
      >
        {sectorRows.map((r) => (
          <Row key={r.sector}>
            <RowHeader>
              {r.sector === "unknown" ? t("eventsAdmin.sectorUnknown") : t(sectorKey(r.sector))}
            </RowHeader>
            <Cell>
              <span
                className="lr-bar"
                style={{ width: `${(r.registered / maxBar) * 8}rem` }}
                aria-hidden="true"
              />
              {r.registered}
            </Cell>
            <Cell>
              <span
                className="lr-bar"
                style={{ width: `${(r.attended / maxBar) * 8}rem` }}
                aria-hidden="true"
              />
              {r.attended}
            </Cell>
          </Row>
        ))}
      </DataTable>
    </Section>
  );
}
