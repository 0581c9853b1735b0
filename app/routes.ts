import { index, layout, prefix, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("healthz", "routes/healthz.ts"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.ts"),
  route("language", "routes/language.ts"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password/:token", "routes/reset-password.tsx"),
  route("invitation/:token", "routes/invitation.tsx"),
  route("verify-email/:token", "routes/verify-email.tsx"),
  route("regions/new", "routes/regions-new.tsx"),

  // Account and privacy
  // (account routes)
  route("account", "routes/account/index.tsx"),
  route("account/export.json", "routes/account/export.ts"),
  route("account/erased", "routes/account/erased.tsx"),

  // Live dialogue: participants need no account, only the session's code.
  route("live", "routes/live/join.tsx"),
  route("live/:code", "routes/live/participant.tsx"),

  // Public pages of a region: anyone may see these.
  route("r/:slug", "routes/public/region.tsx"),
  route("r/:slug/logo", "routes/public/logo.ts"),
  route("r/:slug/privacy", "routes/public/privacy.tsx"),
  // Events: the agenda (also as an iCalendar feed), an event's page with its registration form,
  // a series, and the page behind the link in a registrant's mails (no account: a signed link).
  route("r/:slug/events", "routes/public/events/agenda.tsx"),
  route("r/:slug/agenda.ics", "routes/public/events/agenda-ics.ts"),
  route("r/:slug/events/:eventSlug", "routes/public/events/event.tsx"),
  route("r/:slug/events/:eventSlug/calendar.ics", "routes/public/events/event-ics.ts"),
  route("r/:slug/series/:seriesSlug", "routes/public/events/series.tsx"),
  route("registration/erased", "routes/public/registration-erased.tsx"),
  route("registration/:token", "routes/public/registration.tsx"),
  route("registration/:token/data.json", "routes/public/registration-data.ts"),
  // Results a facilitator shares by link: anyone with the link, only while sharing is on.
  route("s/:token", "routes/public/shared-results.tsx"),
  // A harvest's publication and the region's action agenda, only while the region publishes them.
  route("r/:slug/publication/:harvestSlug", "routes/public/publication.tsx"),
  route("r/:slug/agenda/actions", "routes/public/agenda-actions.tsx"),
  // The region's published challenges and each one's page.
  route("r/:slug/challenges", "routes/public/challenges/list.tsx"),
  route("r/:slug/challenges/:challengeSlug", "routes/public/challenges/challenge.tsx"),
  // A region's public knowledge entries: a stable page each (with JSON-LD) and an Atom feed.
  route("r/:slug/knowledge.atom", "routes/public/knowledge/feed.ts"),
  route("r/:slug/knowledge/:entrySlug", "routes/public/knowledge/entry.tsx"),
  // The knowledge base's public search: the region's public entries, or every region's.
  route("r/:slug/knowledge", "routes/public/knowledge/search.tsx"),
  // A harvest's contribution form: anyone with the link, no account, only while it is open.
  route("r/:slug/harvest/:harvestSlug/contribute", "routes/public/harvest-contribute.tsx"),
  // The self-scan's response form: by a round's join code, or by a personal (signed) link.
  route("r/:slug/scan", "routes/public/scan/join.tsx"),
  route("r/:slug/scan/:code", "routes/public/scan/byCode.tsx"),
  route("scan/:token", "routes/public/scan/byLink.tsx"),

  // Inside a region: members only, scoped by the layout's loader and again by every route.
  ...prefix("manage/:slug", [
    // The big screen for the room: outside the layout, so no navigation fills the wall.
    route("dialogue/:id/present", "routes/manage/dialogue/present.tsx"),
    layout("routes/manage/layout.tsx", [
      index("routes/manage/overview.tsx"),
      // (region admin routes)
      route("settings", "routes/manage/settings.tsx"),
      route("members", "routes/manage/members.tsx"),
      route("outbox", "routes/manage/outbox.tsx"),
      route("outbox/:mailId", "routes/manage/outbox-mail.tsx"),
      route("outbox/:mailId/attachments/:index", "routes/manage/outbox-attachment.ts"),
      route("dialogue", "routes/manage/dialogue/list.tsx"),
      route("dialogue/templates", "routes/manage/dialogue/templates.tsx"),
      route("dialogue/templates/:id", "routes/manage/dialogue/template-edit.tsx"),
      route("dialogue/:id", "routes/manage/dialogue/console.tsx"),
      route("dialogue/:id/answers/:questionId", "routes/manage/dialogue/answers.tsx"),
      route("dialogue/:id/results", "routes/manage/dialogue/results.tsx"),
      route("dialogue/:id/results.csv", "routes/manage/dialogue/results-csv.ts"),
      route("dialogue/:id/results.xlsx", "routes/manage/dialogue/results-xlsx.ts"),
      route("dialogue/:id/results.docx", "routes/manage/dialogue/results-docx.ts"),
      // (events: the organiser's side; check-in for facilitators too)
      route("events", "routes/manage/events/list.tsx"),
      route("events/new", "routes/manage/events/new.tsx"),
      route("events/:id", "routes/manage/events/detail.tsx"),
      route("events/:id/registrations", "routes/manage/events/registrations.tsx"),
      route("events/:id/registrations.csv", "routes/manage/events/registrations-csv.ts"),
      route("events/:id/registrations.xlsx", "routes/manage/events/registrations-xlsx.ts"),
      route("events/:id/checkin", "routes/manage/events/checkin.tsx"),
      // (harvest: contributions from sessions, events, the public form and imports)
      route("harvest", "routes/manage/harvest/list.tsx"),
      route("harvest/:id", "routes/manage/harvest/overview.tsx"),
      route("harvest/:id/settings", "routes/manage/harvest/settings.tsx"),
      route("harvest/:id/contributions", "routes/manage/harvest/contributions.tsx"),
      route("harvest/:id/contributions.csv", "routes/manage/harvest/contributions-csv.ts"),
      route("harvest/:id/contributions/:contributionId", "routes/manage/harvest/contribution.tsx"),
      route("harvest/:id/import", "routes/manage/harvest/import.tsx"),
      // (harvest themes: propose, accept, rename, merge, split, move)
      route("harvest/:id/themes", "routes/manage/harvest/themes.tsx"),
      // (organisations and people routes)
      route("organisations", "routes/manage/organisations/list.tsx"),
      route("organisations/new", "routes/manage/organisations/new.tsx"),
      route("organisations/:id", "routes/manage/organisations/detail.tsx"),
      route("people", "routes/manage/people/list.tsx"),
      route("people/new", "routes/manage/people/new.tsx"),
      route("people/import", "routes/manage/people/import.tsx"),
      route("people/export.csv", "routes/manage/people/export-csv.ts"),
      route("people/export.xlsx", "routes/manage/people/export-xlsx.ts"),
      route("people/:id", "routes/manage/people/detail.tsx"),
      route("people/:id/merge", "routes/manage/people/merge.tsx"),
      route("people/:id/export.json", "routes/manage/people/export-json.ts"),
      // (publication, action agenda, coalitions and traceability)
      route("harvest/:id/publication", "routes/manage/harvest/publication.tsx"),
      route("harvest/:id/publication.docx", "routes/manage/harvest/publication-docx.ts"),
      route("harvest/:id/publication.pdf", "routes/manage/harvest/publication-pdf.ts"),
      route(
        "harvest/:id/publication/themes/:themeId",
        "routes/manage/harvest/publication-theme.tsx",
      ),
      route("harvest/:id/trace/:contributionId", "routes/manage/harvest/trace.tsx"),
      route("actions", "routes/manage/actions/list.tsx"),
      route("actions/:id", "routes/manage/actions/detail.tsx"),
      route("actions/:id/contributions", "routes/manage/actions/contributions.tsx"),
      route("coalitions", "routes/manage/coalitions/list.tsx"),
      route("coalitions/:id", "routes/manage/coalitions/detail.tsx"),
      // (challenges: the spine; the dashboard is the region's index page)
      route("challenges", "routes/manage/challenges/list.tsx"),
      route("challenges/new", "routes/manage/challenges/new.tsx"),
      route("challenges/settings", "routes/manage/challenges/settings.tsx"),
      route("challenges/:id", "routes/manage/challenges/detail.tsx"),
      route("challenges/:id/edit", "routes/manage/challenges/edit.tsx"),
      route("challenges/:id/timeline", "routes/manage/challenges/timeline.tsx"),
      route("challenges/:id/timeline.csv", "routes/manage/challenges/timeline-csv.ts"),
      route("challenges/:id/timeline.xlsx", "routes/manage/challenges/timeline-xlsx.ts"),
      route("timeline", "routes/manage/timeline/region.tsx"),
      route("timeline.csv", "routes/manage/timeline/region-csv.ts"),
      route("timeline.xlsx", "routes/manage/timeline/region-xlsx.ts"),
      // (network: ties, bridge builders, coverage, the map and its files; a person's mirror)
      route("network", "routes/manage/network/region.tsx"),
      route("network/map.json", "routes/manage/network/map-json.ts"),
      route("network/export/:file", "routes/manage/network/export.ts"),
      route("challenges/:id/network", "routes/manage/network/challenge.tsx"),
      route("people/:id/network", "routes/manage/network/person.tsx"),
      route("my-network", "routes/manage/network/mine.tsx"),
      // (knowledge base: entries, adoption, exports, drafts from what happened; communities)
      route("knowledge/new", "routes/manage/knowledge/new.tsx"),
      route("knowledge/export.csv", "routes/manage/knowledge/export-csv.ts"),
      route("knowledge/export.json", "routes/manage/knowledge/export-json.ts"),
      route("knowledge/draft", "routes/manage/knowledge/draft.ts"),
      route("knowledge/:id", "routes/manage/knowledge/detail.tsx"),
      route("knowledge/:id/edit", "routes/manage/knowledge/edit.tsx"),
      route("knowledge/:id/adopt", "routes/manage/knowledge/adopt.tsx"),
      route("communities", "routes/manage/communities/list.tsx"),
      route("communities/:id", "routes/manage/communities/detail.tsx"),
      // (knowledge base: the search is its index page)
      route("knowledge", "routes/manage/knowledge/index.tsx"),
      // (self-scan: scans, rounds, results per round, development over rounds, benchmark)
      route("scans", "routes/manage/scan/list.tsx"),
      route("scans/new", "routes/manage/scan/new.tsx"),
      route("scans/:id", "routes/manage/scan/detail.tsx"),
      route("scans/:id/rounds/:roundId", "routes/manage/scan/results.tsx"),
      route("scans/:id/development", "routes/manage/scan/development.tsx"),
    ]),
  ]),
] satisfies RouteConfig;
