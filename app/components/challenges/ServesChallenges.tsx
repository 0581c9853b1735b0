import { Link } from "react-router";
import type { challengesLinkedTo } from "../../../core/challenges/queries.ts";
import { useT } from "../../lib/i18n.ts";

/**
 * The other way round of a challenge's links: on an activity's own page, the challenges it
 * serves, each with its current phase and a link to the challenge. Read-only: linking is done on
 * the challenge's page.
 */
export function ServesChallenges({
  base,
  challenges,
}: {
  /** The region's manage address, /manage/:slug. */
  base: string;
  challenges: Pick<
    Awaited<ReturnType<typeof challengesLinkedTo>>[number],
    "id" | "title" | "phase"
  >[];
}) {
  const t = useT();
  return (
    <section aria-labelledby="serves-challenges">
      <h2 className="utrecht-heading-2" id="serves-challenges">
        {t("challengePublic.servesTitle")}
      </h2>
      {challenges.length === 0 ? (
        <p className="utrecht-paragraph">{t("challengePublic.servesNone")}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {challenges.map((c) => (
            <li className="utrecht-unordered-list__item" key={c.id}>
              <Link className="utrecht-link" to={`${base}/challenges/${c.id}`}>
                {c.title}
              </Link>{" "}
              (
              {t("challenges.phaseNumbered", {
                n: c.phase,
                name: t(`challenges.phase.${c.phase}`),
              })}
              )
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
