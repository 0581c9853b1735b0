import { Link, NavLink, Outlet, useLoaderData } from "react-router";
import type { Route } from "./+types/layout";
import { accountsPolicy } from "../../../core/accounts/policy.ts";
import { actionPolicy } from "../../../core/actions/policy.ts";
import { challengePolicy } from "../../../core/challenges/policy.ts";
import { coalitionPolicy } from "../../../core/coalitions/policy.ts";
import { dialoguePolicy } from "../../../core/dialogue/policy.ts";
import { eventPolicy } from "../../../core/events/policy.ts";
import { harvestPolicy } from "../../../core/harvest/policy.ts";
import { knowledgePolicy } from "../../../core/knowledge/policy.ts";
import { networkPolicy } from "../../../core/network/policy.ts";
import { may } from "../../../core/kernel/scope.ts";
import { peoplePolicy } from "../../../core/people/policy.ts";
import { regionPolicy } from "../../../core/regions/policy.ts";
import { scanPolicy } from "../../../core/scan/policy.ts";
import { Shell } from "../../root.tsx";
import { AreaHelp } from "../../components/AreaHelp.tsx";
import { useT } from "../../lib/i18n.ts";
import { requireRegion } from "../../lib/request.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { region, scope } = await requireRegion(request, context, params.slug);
  return { region, role: scope.role };
}

/** The region's own colour, carried into the NL Design System tokens that the components use. */
export function regionThemeStyle(color: string): React.CSSProperties {
  return {
    ["--lr-primary" as string]: color,
    ["--utrecht-button-primary-action-background-color" as string]: color,
    ["--utrecht-button-primary-action-border-color" as string]: color,
    ["--utrecht-link-color" as string]: color,
  };
}

export function RegionBrand({
  region,
}: {
  region: { slug: string; name: string; hasLogo: boolean };
}) {
  return (
    <Link to={`/r/${region.slug}`} className="lr-brand">
      {region.hasLogo ? <img src={`/r/${region.slug}/logo`} alt="" /> : null}
      <span>{region.name}</span>
    </Link>
  );
}

export default function RegionLayout() {
  const t = useT();
  const { region, role } = useLoaderData<typeof loader>();
  const base = `/manage/${region.slug}`;
  const items: { to: string; label: string; end?: boolean; show: boolean }[] = [
    { to: base, label: t("nav.overview"), end: true, show: true },
    {
      to: `${base}/challenges`,
      label: t("challengePages.nav"),
      show: may({ role }, challengePolicy.view),
    },
    { to: `${base}/network`, label: t("network.nav"), show: may({ role }, networkPolicy.view) },
    // Those who do not see the network see their own place in it.
    {
      to: `${base}/my-network`,
      label: t("network.mirror.myTitle"),
      show: !may({ role }, networkPolicy.view),
    },
    { to: `${base}/organisations`, label: t("nav.organisations"), show: true },
    {
      to: `${base}/dialogue`,
      label: t("dialogue.nav"),
      show: may({ role }, dialoguePolicy.viewSessions),
    },
    { to: `${base}/people`, label: t("nav.people"), show: may({ role }, peoplePolicy.viewPeople) },
    // Facilitators see the events for the check-in on the day; organisers plan them.
    { to: `${base}/events`, label: t("eventsAdmin.title"), show: may({ role }, eventPolicy.list) },
    { to: `${base}/harvest`, label: t("harvest.nav"), show: may({ role }, harvestPolicy.list) },
    { to: `${base}/actions`, label: t("actions.nav"), show: may({ role }, actionPolicy.manage) },
    {
      to: `${base}/coalitions`,
      label: t("coalitions.nav"),
      show: may({ role }, coalitionPolicy.view),
    },
    {
      to: `${base}/knowledge`,
      label: t("knowledge.nav"),
      show: may({ role }, knowledgePolicy.view),
    },
    { to: `${base}/scans`, label: t("scan.nav"), show: may({ role }, scanPolicy.view) },
    {
      to: `${base}/members`,
      label: t("nav.members"),
      show: may({ role }, accountsPolicy.viewMembers),
    },
    {
      to: `${base}/settings`,
      label: t("nav.settings"),
      show: may({ role }, regionPolicy.viewSettings),
    },
    { to: `${base}/outbox`, label: t("nav.outbox"), show: may({ role }, regionPolicy.viewOutbox) },
    { to: `/r/${region.slug}`, label: t("nav.publicPage"), show: true },
  ];
  return (
    <div style={regionThemeStyle(region.primaryColor)}>
      <Shell
        brand={<RegionBrand region={region} />}
        regionNav={
          <nav className="lr-regionnav" aria-label={t("app.regionNav")}>
            <ul>
              {items
                .filter((i) => i.show)
                .map((i) => (
                  <li key={i.to}>
                    <NavLink className="utrecht-link" to={i.to} end={i.end}>
                      {i.label}
                    </NavLink>
                  </li>
                ))}
            </ul>
          </nav>
        }
      >
        <AreaHelp />
        <Outlet />
      </Shell>
    </div>
  );
}
