import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDate } from "../../lib/format.ts";
import { useLocale, useT } from "../../lib/i18n.ts";
import { phaseLabel, warningText } from "../../../core/challenges/texts.ts";
import type { Found } from "./shared.ts";

/** The facts at the top of a challenge's page: where it stands, since when, and where it is seen. */
export function ChallengeHeader({
  found,
  here,
  publicUrl,
  canEdit,
}: {
  found: Found;
  here: string;
  publicUrl: string | null;
  canEdit: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const c = found.challenge;
  const description = [
    ["whyUrgent", c.why_urgent],
    ["forWhom", c.for_whom],
    ["guidingQuestion", c.guiding_question],
    ["geography", c.geography],
    ["owners", c.owners],
  ] as const;
  return (
    <>
      <dl className="lr-facts">
        <Fact term={t("challengePages.header.status")}>{t(`challenges.status.${c.status}`)}</Fact>
        <Fact term={t("challengePages.header.phase")}>{phaseLabel(t, c.phase)}</Fact>
        <Fact term={t("challengePages.header.phaseSince")}>
          {formatDate(c.phase_since, locale)}
        </Fact>
        <Fact term={t("challengePages.header.lastActivity")}>
          {formatDate(found.lastActivity, locale)}
        </Fact>
        <Fact term={t("challengePages.header.published")}>
          {publicUrl ? (
            <a className="utrecht-link" href={publicUrl}>
              {publicUrl}
            </a>
          ) : (
            t("challengePages.header.notPublished")
          )}
        </Fact>
      </dl>
      <ul className="lr-plain-list">
        {canEdit ? (
          <li>
            <Link className="utrecht-link" to={`${here}/edit`}>
              {t("challengePages.edit")}
            </Link>
          </li>
        ) : null}
        <li>
          <Link className="utrecht-link" to={`${here}/timeline`}>
            {t("challengePages.header.timeline")}
          </Link>
        </li>
        {canEdit ? (
          <li>
            <Link className="utrecht-link" to={`${here}/network`}>
              {t("network.openNetwork")}
            </Link>
          </li>
        ) : null}
      </ul>
      <section className="lr-section" aria-labelledby="warnings">
        <h2 className="utrecht-heading-2" id="warnings">
          {t("challengePages.warnings")}
        </h2>
        {found.warnings.length === 0 ? (
          <p className="utrecht-paragraph">{t("challengePages.noWarnings")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {found.warnings.map((w) => (
              <li key={w.kind}>{warningText(t, w)}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="lr-section" aria-labelledby="description">
        <h2 className="utrecht-heading-2" id="description">
          {t("challengePages.header.description")}
        </h2>
        {description.every(([, v]) => v.trim() === "") ? (
          <p className="utrecht-paragraph">{t("challengePages.header.noDescription")}</p>
        ) : (
          <dl className="lr-facts">
            {description
              .filter(([, v]) => v.trim() !== "")
              .map(([k, v]) => (
                <Fact key={k} term={t(`challengePages.fields.${k}`)}>
                  <span className="lr-pub-text">{v}</span>
                </Fact>
              ))}
          </dl>
        )}
      </section>
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
