import { Link } from "react-router";
import type { Route } from "./+types/challenge";
import { publicChallenge } from "../../../../core/challenges/publicQueries.ts";
import { LINK_KINDS } from "../../../../core/challenges/schema.ts";
import { sectorKey } from "../../../../core/kernel/sectors.ts";
import { findPublicRegion } from "../../../../core/regions/queries.ts";
import { PlainText, PublicRegionShell } from "../../../components/events/public.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useLocale, useT } from "../../../lib/i18n.ts";
import { getServices, notFound } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [
    { title: loaderData ? `${loaderData.challenge.title} · ${loaderData.region.name}` : "" },
    { name: "description", content: loaderData?.challenge.guidingQuestion.slice(0, 160) },
  ];
}

/** A published challenge for anyone; unpublished, unknown or another region's is a 404 alike. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const region = await findPublicRegion(db, params.slug);
  if (!region) notFound(context);
  const challenge = await publicChallenge(db, region.id, params.challengeSlug);
  if (!challenge) notFound(context);
  return {
    region: {
      slug: region.slug,
      name: region.name,
      hasLogo: region.logo_mime !== null,
      primaryColor: region.primary_color,
    },
    challenge,
  };
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

function Description({ label, text }: { label: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <PlainText text={text} />
      </dd>
    </div>
  );
}

export default function PublicChallengePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { region, challenge: c } = loaderData;
  const phaseName = (p: 1 | 2 | 3 | 4) =>
    t("challenges.phaseNumbered", { n: p, name: t(`challenges.phase.${p}`) });
  const ladder = (level: number) => {
    const step = Math.min(5, Math.max(1, Math.round(level))) as 1 | 2 | 3 | 4 | 5;
    return `${level} (${t(`challenges.ladder.${step}`)})`;
  };
  const others = LINK_KINDS.filter((k) => c.otherCounts[k] > 0);
  const nothingLinked = c.events.length === 0 && c.publications.length === 0 && others.length === 0;
  return (
    <PublicRegionShell region={region}>
      <h1 className="utrecht-heading-1">{c.title}</h1>
      {c.guidingQuestion ? <p className="utrecht-paragraph">{c.guidingQuestion}</p> : null}
      <p className="utrecht-paragraph">
        <strong>{t("challengePublic.currentPhase")}:</strong> {phaseName(c.phase)}.{" "}
        {t("challengePublic.phaseSince", { date: formatDate(c.phaseSince, locale) })}{" "}
        <strong>{t("challengePublic.status")}:</strong> {t(`challenges.status.${c.status}`)}
      </p>
      <dl className="lr-facts">
        <Description label={t("challengePublic.whyUrgent")} text={c.whyUrgent} />
        <Description label={t("challengePublic.forWhom")} text={c.forWhom} />
        <Description label={t("challengePublic.geography")} text={c.geography} />
        <Description label={t("challengePublic.owners")} text={c.owners} />
      </dl>

      <section aria-labelledby="ambition">
        <h2 className="utrecht-heading-2" id="ambition">
          {t("challengePublic.ambition")}
        </h2>
        {c.ambition ? (
          <ul className="utrecht-unordered-list">
            <li className="utrecht-unordered-list__item">
              {t("challengePublic.ambitionNow", { level: ladder(c.ambition.now) })}
            </li>
            <li className="utrecht-unordered-list__item">
              {t("challengePublic.ambitionDesired", { level: ladder(c.ambition.desired) })}
            </li>
          </ul>
        ) : (
          <p className="utrecht-paragraph">{t("challengePublic.noAmbition")}</p>
        )}
      </section>

      <section aria-labelledby="history">
        <h2 className="utrecht-heading-2" id="history">
          {t("challengePublic.history")}
        </h2>
        <DataTable
          caption={t("challengePublic.historyCaption")}
          hideCaption
          columns={[
            t("challengePublic.date"),
            t("challengePublic.from"),
            t("challengePublic.to"),
            t("challengePublic.reason"),
          ]}
        >
          {c.phaseChanges.map((p, i) => (
            <Row key={i}>
              <RowHeader>{formatDate(p.at, locale)}</RowHeader>
              <Cell>{p.from === null ? t("challengePublic.started") : phaseName(p.from)}</Cell>
              <Cell>{phaseName(p.to)}</Cell>
              <Cell>{p.reason || t("challengePublic.noReason")}</Cell>
            </Row>
          ))}
        </DataTable>
      </section>

      {c.events.length > 0 ? (
        <section aria-labelledby="events">
          <h2 className="utrecht-heading-2" id="events">
            {t("challengePublic.events")}
          </h2>
          <ul className="utrecht-unordered-list">
            {c.events.map((e) => (
              <li className="utrecht-unordered-list__item" key={e.slug}>
                <Link className="utrecht-link" to={`/r/${region.slug}/events/${e.slug}`}>
                  {e.title}
                </Link>{" "}
                ({formatDate(e.startsAt, locale)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {c.publications.length > 0 ? (
        <section aria-labelledby="publications">
          <h2 className="utrecht-heading-2" id="publications">
            {t("challengePublic.publications")}
          </h2>
          <ul className="utrecht-unordered-list">
            {c.publications.map((h) => (
              <li className="utrecht-unordered-list__item" key={h.slug}>
                <Link className="utrecht-link" to={`/r/${region.slug}/publication/${h.slug}`}>
                  {h.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {others.length > 0 ? (
        <section aria-labelledby="also-linked">
          <h2 className="utrecht-heading-2" id="also-linked">
            {t("challengePublic.alsoLinked")}
          </h2>
          <DataTable
            caption={t("challengePublic.alsoLinkedCaption")}
            hideCaption
            columns={[
              t("challengePublic.kind"),
              { label: t("challengePublic.count"), numeric: true },
            ]}
          >
            {others.map((k) => (
              <Row key={k}>
                <RowHeader>{t(`challenges.linkKind.${k}`)}</RowHeader>
                <Cell numeric>{c.otherCounts[k]}</Cell>
              </Row>
            ))}
          </DataTable>
        </section>
      ) : null}
      {nothingLinked ? (
        <p className="utrecht-paragraph">{t("challengePublic.nothingLinked")}</p>
      ) : null}

      <section aria-labelledby="urgency">
        <h2 className="utrecht-heading-2" id="urgency">
          {t("challengePublic.urgency")}
        </h2>
        {c.urgencyBySector.length === 0 ? (
          <p className="utrecht-paragraph">{t("challengePublic.noRatings")}</p>
        ) : (
          <>
            <p className="utrecht-paragraph">{t("challengePublic.urgencyIntro")}</p>
            <DataTable
              caption={t("challengePublic.urgencyCaption")}
              columns={[
                t("challengePublic.sector"),
                { label: t("challengePublic.ratings"), numeric: true },
                { label: t("challengePublic.urgencyScore"), numeric: true },
                { label: t("challengePublic.importanceScore"), numeric: true },
              ]}
            >
              {c.urgencyBySector.map((s) => (
                <Row key={s.sector ?? ""}>
                  <RowHeader>
                    {s.sector === null ? t("challengePublic.noSector") : t(sectorKey(s.sector))}
                  </RowHeader>
                  <Cell numeric>{s.ratings}</Cell>
                  <Cell numeric>{s.urgency.toLocaleString(locale)}</Cell>
                  <Cell numeric>{s.importance.toLocaleString(locale)}</Cell>
                </Row>
              ))}
            </DataTable>
          </>
        )}
      </section>

      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/r/${region.slug}/challenges`}>
          {t("challengePublic.allChallenges")}
        </Link>
        {" · "}
        <Link className="utrecht-link" to={`/r/${region.slug}`}>
          {t("challengePublic.backToRegion", { region: region.name })}
        </Link>
      </p>
    </PublicRegionShell>
  );
}
