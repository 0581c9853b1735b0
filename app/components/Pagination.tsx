import { Link, useLocation } from "react-router";
import { useT } from "../lib/i18n.ts";

/**
 * Previous and next links that keep the list's filters and search: the page number is the only
 * part of the address they change, so a link can be shared and works without JavaScript.
 */
export function Pagination({
  page,
  pageCount,
  label,
}: {
  page: number;
  pageCount: number;
  /** The navigation's name, where the page holds more than one list or says what it pages. */
  label?: string;
}) {
  const t = useT();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const to = (n: number) => {
    const params = new URLSearchParams(location.search);
    if (n === 1) params.delete("page");
    else params.set("page", String(n));
    const s = params.toString();
    return s ? `${location.pathname}?${s}` : location.pathname;
  };
  return (
    <nav
      className="utrecht-pagination lr-pagination"
      aria-label={label ?? t("app.pagination.label")}
    >
      {page > 1 ? (
        <Link
          className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev"
          to={to(page - 1)}
          rel="prev"
        >
          {t("app.pagination.previous")}
        </Link>
      ) : null}
      <span>{t("app.pagination.pageOf", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link
          className="utrecht-pagination__relative-link utrecht-pagination__relative-link--next"
          to={to(page + 1)}
          rel="next"
        >
          {t("app.pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}
