import { Form, Link, useLocation } from "react-router";
import { perspectiveKey, sectorKey, type Perspective } from "../../../core/kernel/sectors.ts";
import type { BridgeBuilder } from "../../../core/network/bridges.ts";
import type { NetworkPage } from "../../../core/network/queries.ts";
import { SORTS, type NodeSort } from "../../../core/network/schema.ts";
import { BACKBONE_PER_PARTY } from "../../../core/network/graph.ts";
import { TIE_KINDS, type TieKind } from "../../../core/network/participation.ts";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { useLocale, useT } from "../../lib/i18n.ts";
import { CheckboxGroup, Field, SelectField, SubmitButton } from "../form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../table.tsx";
import { NetworkMap } from "./NetworkMap.tsx";

export interface NetworkViewProps {
  page: NetworkPage;
  /** The page's own path (region or challenge network). */
  base: string;
  /** The region's manage path, for links to people and organisations. */
  regionBase: string;
  sent: { q: string; sort: NodeSort; focus: string };
  filter: string;
  filtered: boolean;
}

/** The page's address with some parameters changed (sorting, paging, focus keep the filter). */
function useHref(base: string) {
  const { search } = useLocation();
  return (changes: Record<string, string | null>, hash = "") => {
    const params = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) params.delete(k);
      else params.set(k, v);
    }
    const q = params.toString();
    return `${base}${q ? `?${q}` : ""}${hash}`;
  };
}

function useFormat() {
  const locale = useLocale();
  const number = (v: number, digits: number) =>
    new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(v);
  return {
    fixed: number,
    optional: (v: number | null, digits: number) => (v === null ? "–" : number(v, digits)),
  };
}

/** The network page: filter, summary, map, bridge builders, coverage, tables, over time, files. */
export function NetworkView(p: NetworkViewProps) {
  const t = useT();
  const { page } = p;
  const href = useHref(p.base);
  return (
    <>
      <p className="utrecht-paragraph">{t("network.intro")}</p>
      <p className="utrecht-paragraph">{t("network.privacyNote")}</p>
      <NetworkFilter {...p} />
      <Summary page={page} />
      {page.summary.parties > 0 ? (
        <section aria-labelledby="network-map">
          <h2 className="utrecht-heading-2" id="network-map">
            {t("network.map.heading")}
          </h2>
          <p className="utrecht-paragraph">{t("network.map.intro")}</p>
          <NetworkMap
            dataUrl={`${p.regionBase}/network/map.json?${p.filter}`}
            focus={page.focus?.id}
          />
        </section>
      ) : null}
      {page.focus ? <Focus page={page} close={href({ focus: null })} /> : null}
      <Bridges bridges={page.bridges} focusHref={(id) => href({ focus: id }, "#network-focus")} />
      {page.coverage ? <Coverage coverage={page.coverage} regionBase={p.regionBase} /> : null}
      {page.coverage ? null : <Composition page={page} />}
      <Parties {...p} href={href} />
      <Ties page={page} />
      <OverTime page={page} />
      <Downloads regionBase={p.regionBase} filter={p.filter} />
    </>
  );
}

function NetworkFilter(p: NetworkViewProps) {
  const t = useT();
  return (
    <Form method="get" role="search" className="lr-filters" aria-labelledby="network-filter">
      <h2 className="utrecht-heading-2" id="network-filter">
        {t("network.filters.legend")}
      </h2>
      <div className="lr-filter-row">
        <SelectField
          name="level"
          label={t("network.filters.level")}
          options={(["people", "organisations"] as const).map((l) => ({
            value: l,
            label: t(`network.filters.levels.${l}`),
          }))}
          defaultValue={p.page.level}
        />
        <Field
          name="from"
          label={t("network.filters.from")}
          defaultValue={p.page.period.from ?? ""}
          maxLength={10}
        />
        <Field
          name="to"
          label={t("network.filters.to")}
          defaultValue={p.page.period.to ?? ""}
          maxLength={10}
        />
        <Field
          name="q"
          type="search"
          label={t("network.filters.search")}
          defaultValue={p.sent.q}
          maxLength={100}
        />
      </div>
      <CheckboxGroup
        name="kinds"
        legend={t("network.filters.kinds")}
        options={TIE_KINDS.map((k) => ({ value: k, label: t(`network.kinds.${k}`) }))}
        defaultValues={p.page.kinds}
      />
      <input type="hidden" name="sort" value={p.sent.sort} />
      <div className="lr-actions">
        <SubmitButton kind="secondary">{t("network.filters.apply")}</SubmitButton>
        {p.filtered || p.sent.q ? (
          <Link className="utrecht-link" to={p.base}>
            {t("network.filters.reset")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/** The text alternative of the whole network, in a few sentences. */
function Summary({ page }: { page: NetworkPage }) {
  const t = useT();
  const locale = useLocale();
  const s = page.summary;
  const top = page.bridges[0];
  const missing = page.coverage
    ? page.coverage.gaps.map((g) =>
        g.kind === "sector" ? t(sectorKey(g.sector)) : t(perspectiveKey(g.perspective)),
      )
    : [];
  return (
    <section aria-labelledby="network-summary">
      <h2 className="utrecht-heading-2" id="network-summary">
        {t("network.summary.heading")}
      </h2>
      {s.parties === 0 ? (
        <p className="utrecht-paragraph">{t("network.summary.empty")}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">
            {t("network.summary.text", {
              count: s.parties,
              parties: s.parties,
              ties: s.ties,
              communities: s.communities,
            })}{" "}
            {s.alone > 0 ? t("network.summary.alone", { count: s.alone }) : null}{" "}
            {top && top.connects[0]
              ? t("network.summary.strongestBridge", {
                  name: top.label,
                  a: t(sectorKey(top.connects[0].a)),
                  b: t(sectorKey(top.connects[0].b)),
                })
              : t("network.summary.noBridge")}{" "}
            {missing.length > 0 ? t("network.summary.missing", { list: missing.join(", ") }) : null}
          </p>
          {s.backbone ? (
            <p className="utrecht-paragraph">
              {t("network.summary.backbone", {
                perParty: BACKBONE_PER_PARTY,
                shown: s.shownTies,
                ties: s.ties,
              })}
            </p>
          ) : null}
          {s.sampled ? (
            <p className="utrecht-paragraph">
              {t("network.summary.sampled", { sources: s.sampled })}
            </p>
          ) : null}
          <p className="utrecht-paragraph lr-muted">
            {t("network.summary.computedAt", {
              at: formatDateTime(new Date(s.computedAt), locale),
            })}
          </p>
        </>
      )}
    </section>
  );
}

function why(
  b: BridgeBuilder,
  t: ReturnType<typeof useT>,
  fixed: (v: number, d: number) => string,
) {
  const parts = b.connects
    .slice(0, 2)
    .map((c) => t("network.bridges.connects", { a: t(sectorKey(c.a)), b: t(sectorKey(c.b)) }));
  if (b.mainRole)
    parts.push(
      t("network.bridges.role", {
        count: b.mainRole.count,
        role: t(`network.roles.${b.mainRole.role}`),
      }),
    );
  if (b.measures.constraint !== null && b.measures.constraint < 0.3)
    parts.push(t("network.bridges.openness", { value: fixed(b.measures.constraint, 2) }));
  return parts.join("; ");
}

function Bridges({
  bridges,
  focusHref,
}: {
  bridges: BridgeBuilder[];
  focusHref: (id: string) => string;
}) {
  const t = useT();
  const { fixed } = useFormat();
  return (
    <section aria-labelledby="network-bridges">
      <h2 className="utrecht-heading-2" id="network-bridges">
        {t("network.bridges.heading")}
      </h2>
      <p className="utrecht-paragraph">{t("network.bridges.intro")}</p>
      {bridges.length === 0 ? (
        <p className="utrecht-paragraph">{t("network.bridges.none")}</p>
      ) : (
        <DataTable
          caption={t("network.bridges.caption")}
          columns={[
            { label: t("network.column.rank"), numeric: true },
            t("network.column.name"),
            t("network.column.sector"),
            t("network.column.why"),
            { label: t("network.column.betweenness"), numeric: true },
          ]}
        >
          {bridges.map((b, i) => (
            <Row key={b.id}>
              <Cell numeric>{i + 1}</Cell>
              <RowHeader>
                <Link className="utrecht-link" to={focusHref(b.id)}>
                  {b.label}
                </Link>
                {b.organisation ? <span className="lr-muted"> ({b.organisation})</span> : null}
              </RowHeader>
              <Cell>{t(sectorKey(b.sector))}</Cell>
              <Cell>{why(b, t, fixed)}</Cell>
              <Cell numeric>{fixed(b.measures.betweenness, 3)}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function Coverage({
  coverage,
  regionBase,
}: {
  coverage: NonNullable<NetworkPage["coverage"]>;
  regionBase: string;
}) {
  const t = useT();
  const { fixed } = useFormat();
  return (
    <section aria-labelledby="network-coverage">
      <h2 className="utrecht-heading-2" id="network-coverage">
        {t("network.coverage.heading")}
      </h2>
      <DataTable
        caption={t("network.coverage.sectorsCaption")}
        columns={[
          t("network.column.sector"),
          { label: t("network.column.people"), numeric: true },
          { label: t("network.column.organisations"), numeric: true },
          { label: t("network.column.presence"), numeric: true },
        ]}
      >
        {coverage.sectors.map((s) => (
          <Row key={s.sector}>
            <RowHeader>{t(sectorKey(s.sector))}</RowHeader>
            <Cell numeric>{s.people}</Cell>
            <Cell numeric>{s.organisations}</Cell>
            <Cell numeric>{s.presence}</Cell>
          </Row>
        ))}
      </DataTable>
      <DataTable
        caption={t("network.coverage.perspectivesCaption")}
        columns={[
          t("network.column.perspective"),
          { label: t("network.column.people"), numeric: true },
          { label: t("network.column.presence"), numeric: true },
        ]}
      >
        {coverage.perspectives.map((s) => (
          <Row key={s.perspective}>
            <RowHeader>{t(perspectiveKey(s.perspective))}</RowHeader>
            <Cell numeric>{s.people}</Cell>
            <Cell numeric>{s.presence}</Cell>
          </Row>
        ))}
      </DataTable>
      <h3 className="utrecht-heading-3">{t("network.coverage.gapsHeading")}</h3>
      {coverage.gaps.length === 0 ? (
        <p className="utrecht-paragraph">{t("network.coverage.noGaps")}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {coverage.gaps.map((g) => (
            <li key={g.kind === "sector" ? `s-${g.sector}` : `p-${g.perspective}`}>
              {g.kind === "sector"
                ? t("network.coverage.missingSector", { name: t(sectorKey(g.sector)) })
                : t("network.coverage.missingPerspective", {
                    name: t(perspectiveKey(g.perspective)),
                  })}{" "}
              {g.candidates.length === 0 ? (
                t("network.coverage.noSuggestions")
              ) : (
                <>
                  {t("network.coverage.suggestions")}
                  <ul className="utrecht-unordered-list">
                    {g.candidates.map((c) => (
                      <li key={c.id}>
                        <Link
                          className="utrecht-link"
                          to={`${regionBase}/${c.kind === "person" ? "people" : "organisations"}/${c.id}`}
                        >
                          {c.label}
                        </Link>
                        {c.organisation ? ` (${c.organisation})` : ""}:{" "}
                        {c.tiesIn > 0
                          ? t("network.coverage.knows", { weight: fixed(c.tiesIn, 2) })
                          : t("network.coverage.knowsNobody")}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Composition({ page }: { page: NetworkPage }) {
  const t = useT();
  return (
    <section aria-labelledby="network-sectors">
      <h2 className="utrecht-heading-2" id="network-sectors">
        {t("network.sectorsHeading")}
      </h2>
      <DataTable
        caption={t("network.sectorsCaption")}
        columns={[
          t("network.column.sector"),
          { label: t("network.column.parties"), numeric: true },
        ]}
      >
        {page.sectors.map((s) => (
          <Row key={s.sector}>
            <RowHeader>{t(sectorKey(s.sector))}</RowHeader>
            <Cell numeric>{s.parties}</Cell>
          </Row>
        ))}
      </DataTable>
      {page.level === "people" ? (
        <DataTable
          caption={t("network.perspectivesCaption")}
          columns={[
            t("network.column.perspective"),
            { label: t("network.column.people"), numeric: true },
          ]}
        >
          {page.perspectives.map((s) => (
            <Row key={s.perspective}>
              <RowHeader>{t(perspectiveKey(s.perspective as Perspective))}</RowHeader>
              <Cell numeric>{s.parties}</Cell>
            </Row>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

function Parties(
  p: NetworkViewProps & { href: (c: Record<string, string | null>, hash?: string) => string },
) {
  const t = useT();
  const { fixed, optional } = useFormat();
  const { rows, page, pages, total, sort } = p.page.nodes;
  const people = p.page.level === "people";
  return (
    <section aria-labelledby="network-parties">
      <h2 className="utrecht-heading-2" id="network-parties">
        {t("network.nodes.heading")}
      </h2>
      <Form method="get" className="lr-inline-form" aria-labelledby="network-parties">
        {[...new URLSearchParams(p.filter)].map(([k, v], i) =>
          k === "challenge" ? null : <input key={i} type="hidden" name={k} value={v} />,
        )}
        {p.sent.q ? <input type="hidden" name="q" value={p.sent.q} /> : null}
        <SelectField
          name="sort"
          label={t("network.nodes.sortBy")}
          options={SORTS.map((s) => ({ value: s, label: t(`network.nodes.sorts.${s}`) }))}
          defaultValue={sort}
        />
        <SubmitButton kind="secondary">{t("network.filters.apply")}</SubmitButton>
      </Form>
      {rows.length === 0 ? (
        <p className="utrecht-paragraph">{t("network.nodes.none")}</p>
      ) : (
        <DataTable
          caption={t("network.nodes.caption", { sort: t(`network.nodes.sorts.${sort}`) })}
          columns={[
            t("network.column.name"),
            ...(people ? [t("network.column.organisation")] : []),
            t("network.column.sector"),
            { label: t("network.column.contacts"), numeric: true },
            { label: t("network.column.strength"), numeric: true },
            { label: t("network.column.betweenness"), numeric: true },
            { label: t("network.column.closeness"), numeric: true },
            { label: t("network.column.constraint"), numeric: true },
            { label: t("network.column.effectiveSize"), numeric: true },
            { label: t("network.column.brokerage"), numeric: true },
            { label: t("network.column.community"), numeric: true },
          ]}
        >
          {rows.map((r) => (
            <Row key={r.id}>
              <RowHeader>
                <Link className="utrecht-link" to={p.href({ focus: r.id }, "#network-focus")}>
                  {r.label}
                </Link>
              </RowHeader>
              {people ? <Cell>{r.organisation || "–"}</Cell> : null}
              <Cell>{t(sectorKey(r.sector))}</Cell>
              <Cell numeric>{r.contacts}</Cell>
              <Cell numeric>{fixed(r.strength, 2)}</Cell>
              <Cell numeric>{fixed(r.betweenness, 3)}</Cell>
              <Cell numeric>{fixed(r.closeness, 3)}</Cell>
              <Cell numeric>{optional(r.constraint, 2)}</Cell>
              <Cell numeric>{optional(r.effectiveSize, 1)}</Cell>
              <Cell numeric>{r.brokerage.total}</Cell>
              <Cell numeric>{r.community + 1}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
      {pages > 1 ? (
        <nav
          className="lr-pager"
          aria-label={t("network.nodes.pageOf", { page, pages, count: total })}
        >
          <p className="utrecht-paragraph">
            {t("network.nodes.pageOf", { page, pages, count: total })}
          </p>
          <ul className="lr-inline-links">
            {page > 1 ? (
              <li>
                <Link
                  className="utrecht-link"
                  to={p.href({ page: String(page - 1) }, "#network-parties")}
                >
                  {t("network.nodes.previous")}
                </Link>
              </li>
            ) : null}
            {page < pages ? (
              <li>
                <Link
                  className="utrecht-link"
                  to={p.href({ page: String(page + 1) }, "#network-parties")}
                >
                  {t("network.nodes.next")}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}

function kindList(kinds: TieKind[], t: ReturnType<typeof useT>) {
  return kinds.map((k) => t(`network.kinds.${k}`)).join(", ");
}

function Ties({ page }: { page: NetworkPage }) {
  const t = useT();
  const locale = useLocale();
  const { fixed } = useFormat();
  return (
    <section aria-labelledby="network-ties">
      <h2 className="utrecht-heading-2" id="network-ties">
        {t("network.ties.heading")}
      </h2>
      {page.ties.length === 0 ? (
        <p className="utrecht-paragraph">{t("network.ties.none")}</p>
      ) : (
        <DataTable
          caption={t("network.ties.caption", { count: page.ties.length })}
          columns={[
            t("network.column.a"),
            t("network.column.b"),
            { label: t("network.column.weight"), numeric: true },
            { label: t("network.column.count"), numeric: true },
            t("network.column.kinds"),
            t("network.column.last"),
          ]}
        >
          {page.ties.map((tie) => (
            <Row key={`${tie.a.id}|${tie.b.id}`}>
              <RowHeader>{tie.a.label}</RowHeader>
              <Cell>{tie.b.label}</Cell>
              <Cell numeric>{fixed(tie.weight, 2)}</Cell>
              <Cell numeric>{tie.count}</Cell>
              <Cell>{kindList(tie.kinds, t)}</Cell>
              <Cell>{formatDate(new Date(tie.last), locale)}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function Focus({ page, close }: { page: NetworkPage; close: string }) {
  const t = useT();
  const f = page.focus!;
  return (
    <section aria-labelledby="network-focus" id="network-focus" className="lr-panel">
      <h2 className="utrecht-heading-2" id="network-focus-heading">
        {t("network.focus.heading", { name: f.label })}
      </h2>
      <MirrorFigures mirror={f} />
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={close}>
          {t("network.focus.close")}
        </Link>
      </p>
    </section>
  );
}

/** A party's position in figures and short lists: used by the focus panel and the mirror. */
export function MirrorFigures({
  mirror,
}: {
  mirror:
    NonNullable<NetworkPage["focus"]> | Omit<NonNullable<NetworkPage["focus"]>, "id" | "rowId">;
}) {
  const t = useT();
  const { fixed, optional } = useFormat();
  const m = mirror.measures;
  return (
    <>
      <p className="utrecht-paragraph">
        {t("network.mirror.rank", { rank: mirror.rank, of: mirror.of })}{" "}
        {t("network.mirror.contacts", { count: m.degree, strength: fixed(m.strength, 2) })}{" "}
        {t("network.mirror.openness", {
          constraint: optional(m.constraint, 2),
          effective: optional(m.effectiveSize, 1),
        })}{" "}
        {t("network.mirror.community", { count: mirror.communitySize })}
      </p>
      <h3 className="utrecht-heading-3">{t("network.mirror.contactSectors")}</h3>
      <ul className="utrecht-unordered-list">
        {mirror.contactSectors.map((s) => (
          <li key={s.sector}>
            {t(sectorKey(s.sector))}: {s.contacts}
          </li>
        ))}
      </ul>
      {mirror.connects.length > 0 ? (
        <>
          <h3 className="utrecht-heading-3">{t("network.mirror.connects")}</h3>
          <ul className="utrecht-unordered-list">
            {mirror.connects.map((c) => (
              <li key={`${c.a}|${c.b}`}>
                {t(sectorKey(c.a))} – {t(sectorKey(c.b))}: {c.paths}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 className="utrecht-heading-3">{t("network.mirror.roles")}</h3>
      <ul className="utrecht-unordered-list">
        {(["liaison", "gatekeeper", "representative", "itinerant", "coordinator"] as const).map(
          (role) => (
            <li key={role}>
              {t(`network.roles.${role}`)}: {m.brokerage[role]}
            </li>
          ),
        )}
      </ul>
      <h3 className="utrecht-heading-3">{t("network.mirror.strongest")}</h3>
      <ul className="utrecht-unordered-list">
        {mirror.strongestTies.map((s) => (
          <li key={s.id}>
            {s.label} ({fixed(s.weight, 2)})
          </li>
        ))}
      </ul>
    </>
  );
}

function OverTime({ page }: { page: NetworkPage }) {
  const t = useT();
  const locale = useLocale();
  const c = page.comparison;
  const day = (iso: string | null) => (iso ? formatDate(new Date(iso), locale) : "–");
  const tieList = (list: typeof c.newTies) =>
    list.length === 0 ? (
      <p className="utrecht-paragraph">{t("network.compare.nothing")}</p>
    ) : (
      <ul className="utrecht-unordered-list">
        {list.map((x) => (
          <li key={`${x.a.id}|${x.b.id}`}>
            {x.a.label} – {x.b.label}
          </li>
        ))}
      </ul>
    );
  const people = (list: typeof c.becameBridges) =>
    list.length === 0 ? (
      <p className="utrecht-paragraph">{t("network.compare.nothing")}</p>
    ) : (
      <ul className="utrecht-unordered-list">
        {list.map((x) => (
          <li key={x.id}>{x.label}</li>
        ))}
      </ul>
    );
  return (
    <section aria-labelledby="network-time">
      <h2 className="utrecht-heading-2" id="network-time">
        {t("network.compare.heading")}
      </h2>
      <p className="utrecht-paragraph">
        {t("network.compare.intro", {
          afterFrom: day(c.after.from),
          afterTo: day(c.after.to),
          beforeFrom: day(c.before.from),
          beforeTo: day(c.before.to),
        })}{" "}
        {t("network.compare.figures", {
          before: c.before.parties,
          after: c.after.parties,
          tiesBefore: c.before.ties,
          tiesAfter: c.after.ties,
        })}{" "}
        {t("network.compare.newParties", { count: c.newParties })}
      </p>
      <h3 className="utrecht-heading-3">
        {t("network.compare.newTies", { count: c.newTieCount })}
      </h3>
      {tieList(c.newTies)}
      <h3 className="utrecht-heading-3">
        {t("network.compare.lostTies", { count: c.lostTieCount })}
      </h3>
      {tieList(c.lostTies)}
      <h3 className="utrecht-heading-3">{t("network.compare.became")}</h3>
      {people(c.becameBridges)}
      <h3 className="utrecht-heading-3">{t("network.compare.stopped")}</h3>
      {people(c.stoppedBridging)}
    </section>
  );
}

function Downloads({ regionBase, filter }: { regionBase: string; filter: string }) {
  const t = useT();
  const files = [
    ["network.gexf", "network.export.gexf"],
    ["network.graphml", "network.export.graphml"],
    ["parties.csv", "network.export.nodesCsv"],
    ["ties.csv", "network.export.tiesCsv"],
    ["network.svg", "network.export.svg"],
  ] as const;
  return (
    <section aria-labelledby="network-files" className="lr-no-print">
      <h2 className="utrecht-heading-2" id="network-files">
        {t("network.export.heading")}
      </h2>
      <ul className="lr-inline-links">
        {files.map(([file, label]) => (
          <li key={file}>
            <a
              className="utrecht-link"
              href={`${regionBase}/network/export/${file}?${filter}`}
              download
            >
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
