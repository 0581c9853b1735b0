import { Form, Link } from "react-router";
import {
  describeRow,
  TIMELINE_KINDS,
  type TimelineFilter,
  type TimelineRow,
} from "../../../core/challenges/timeline.ts";
import type { Message } from "../../../i18n/index.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useLocale, useT } from "../../lib/i18n.ts";
import { CheckboxGroup, Field, FormError, SelectField, SubmitButton } from "../form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../table.tsx";

export interface TimelineViewProps {
  /** The page's own address; the files are at `${base}.csv` and `${base}.xlsx`. */
  base: string;
  filter: TimelineFilter;
  /** The filter as typed, when it could not be read. */
  sent: { kinds: string[]; challenge: string; from: string; to: string };
  error: { message: Message; fieldErrors: Record<string, Message> } | null;
  query: string;
  rows: TimelineRow[];
  cut: boolean;
  limit: number;
  /** The region's challenges, to filter by one; absent on a challenge's own timeline. */
  challenges?: { id: string; title: string }[];
  canExport: boolean;
}

/** A timeline's filter (a GET form: the address holds it), its files and its rows. */
export function TimelineView(p: TimelineViewProps) {
  const t = useT();
  const locale = useLocale();
  const filtered = p.query !== "";
  return (
    <>
      <Form method="get" role="search" className="lr-filters" aria-labelledby="timeline-filter">
        <h2 className="utrecht-heading-2" id="timeline-filter">
          {t("challengeDashboard.timeline.filterTitle")}
        </h2>
        <FormError error={p.error?.message} />
        <CheckboxGroup
          name="kind"
          legend={t("challengeDashboard.timeline.kinds")}
          options={TIMELINE_KINDS.map((k) => ({
            value: k,
            label: t(`challengeDashboard.timeline.kind.${k}`),
          }))}
          defaultValues={p.sent.kinds}
          errors={p.error?.fieldErrors}
        />
        <div className="lr-filter-row">
          {p.challenges ? (
            <SelectField
              name="challenge"
              label={t("challengeDashboard.timeline.challenge")}
              options={p.challenges.map((c) => ({ value: c.id, label: c.title }))}
              emptyLabel={t("challengeDashboard.timeline.allChallenges")}
              defaultValue={p.sent.challenge}
              errors={p.error?.fieldErrors}
            />
          ) : null}
          <Field
            name="from"
            label={t("challengeDashboard.timeline.from")}
            description={t("challengeDashboard.timeline.dateFormat")}
            defaultValue={p.sent.from}
            errors={p.error?.fieldErrors}
            maxLength={10}
          />
          <Field
            name="to"
            label={t("challengeDashboard.timeline.to")}
            description={t("challengeDashboard.timeline.dateFormat")}
            defaultValue={p.sent.to}
            errors={p.error?.fieldErrors}
            maxLength={10}
          />
        </div>
        <div className="lr-actions">
          <SubmitButton kind="secondary">{t("challengeDashboard.timeline.apply")}</SubmitButton>
          {filtered ? (
            <Link className="utrecht-link" to={p.base}>
              {t("challengeDashboard.timeline.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      {p.error ? null : (
        <>
          {p.canExport ? (
            <ul className="lr-inline-links lr-no-print">
              <li>
                <a className="utrecht-link" href={`${p.base}.csv${p.query}`} download>
                  {t("challengeDashboard.timeline.downloadCsv")}
                </a>
              </li>
              <li>
                <a className="utrecht-link" href={`${p.base}.xlsx${p.query}`} download>
                  {t("challengeDashboard.timeline.downloadXlsx")}
                </a>
              </li>
            </ul>
          ) : null}
          {p.cut ? (
            <p className="utrecht-paragraph" role="status">
              {t("challengeDashboard.timeline.cut", { limit: p.limit })}
            </p>
          ) : null}
          {p.rows.length === 0 ? (
            <p className="utrecht-paragraph">{t("challengeDashboard.timeline.none")}</p>
          ) : (
            <DataTable
              caption={`${t("challengeDashboard.timeline.caption")} (${t("challengeDashboard.timeline.count", { count: p.rows.length })})`}
              columns={[
                t("challengeDashboard.timeline.column.at"),
                t("challengeDashboard.timeline.column.kind"),
                ...(p.challenges ? [t("challengeDashboard.timeline.column.challenge")] : []),
                t("challengeDashboard.timeline.column.title"),
                t("challengeDashboard.timeline.column.detail"),
              ]}
            >
              {p.rows.map((r, i) => {
                const { title, detail } = describeRow(t, r);
                return (
                  <Row key={i}>
                    <RowHeader>
                      <time dateTime={new Date(r.at).toISOString()}>
                        {formatDateTime(r.at, locale)}
                      </time>
                    </RowHeader>
                    <Cell>{t(`challengeDashboard.timeline.kind.${r.kind}`)}</Cell>
                    {p.challenges ? <Cell>{r.challenge.title}</Cell> : null}
                    <Cell>{title}</Cell>
                    <Cell>{detail}</Cell>
                  </Row>
                );
              })}
            </DataTable>
          )}
        </>
      )}
    </>
  );
}
