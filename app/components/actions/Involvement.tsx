import { Link } from "react-router";
import { useT } from "../../lib/i18n.ts";

export interface Involvement {
  coalitions: { id: string; title: string; roles: string[] }[];
  actions: { id: string; title: string; roles: string[] }[];
}

type Role = "lead" | "member" | "interested" | "declined" | "owner" | "partner";
const ROLES: readonly Role[] = ["lead", "member", "interested", "declined", "owner", "partner"];
const isRole = (r: string): r is Role => ROLES.includes(r as Role);

/**
 * The coalitions and actions that name a person or organisation of the register, on their page.
 * `idPrefix` keeps the headings' ids unique on the page.
 */
export function InvolvementSections({
  base,
  involvement,
  idPrefix,
}: {
  base: string;
  involvement: Involvement;
  idPrefix: string;
}) {
  const t = useT();
  const roles = (rs: string[]) =>
    rs
      .filter(isRole)
      .map((r) => t(`involvement.${r}`))
      .join(", ");
  const sections = [
    {
      id: `${idPrefix}-coalitions`,
      heading: t("involvement.coalitions"),
      none: t("involvement.noCoalitions"),
      items: involvement.coalitions,
      path: "coalitions",
    },
    {
      id: `${idPrefix}-actions`,
      heading: t("involvement.actions"),
      none: t("involvement.noActions"),
      items: involvement.actions,
      path: "actions",
    },
  ];
  return (
    <>
      {sections.map((s) => (
        <section key={s.id} className="lr-section" aria-labelledby={s.id}>
          <h2 className="utrecht-heading-2" id={s.id}>
            {s.heading}
          </h2>
          {s.items.length === 0 ? (
            <p className="utrecht-paragraph">{s.none}</p>
          ) : (
            <ul className="utrecht-unordered-list">
              {s.items.map((i) => (
                <li key={i.id}>
                  <Link className="utrecht-link" to={`${base}/${s.path}/${i.id}`}>
                    {i.title}
                  </Link>{" "}
                  ({roles(i.roles)})
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
