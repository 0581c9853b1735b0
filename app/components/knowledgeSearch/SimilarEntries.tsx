import { Link } from "react-router";
import type { SimilarEntry } from "../../../core/knowledge/search.ts";
import { useT } from "../../lib/i18n.ts";

/**
 * What else the knowledge base holds on the same subject, under an entry: a reader who found
 * one tip finds the neighbouring ones without searching again. Nothing is shown when there is
 * nothing alike.
 */
export function SimilarEntries<E extends SimilarEntry>({
  entries,
  hrefOf,
  ownRegionSlug,
}: {
  entries: E[];
  hrefOf: (entry: E) => string;
  /** Entries of this region go without the region's name. */
  ownRegionSlug: string;
}) {
  const t = useT();
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="similar" className="lr-no-print">
      <h2 className="utrecht-heading-2" id="similar">
        {t("knowledgeSearch.similar")}
      </h2>
      <ul className="utrecht-unordered-list">
        {entries.map((s) => (
          <li key={s.id} className="utrecht-unordered-list__item">
            <Link className="utrecht-link" to={hrefOf(s)}>
              {s.title}
            </Link>{" "}
            <span className="lr-muted">
              ({t(`knowledge.kind.${s.kind}`)}
              {s.regionSlug === ownRegionSlug ? "" : ` · ${s.regionName}`})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
