import type { Database } from "../../db/schema.ts";

/**
 * A module, as owners and writers are named: a folder ("core/events/"), a file
 * ("core/kernel/signing.ts"), or a name without extension that stands for the file or the folder
 * of that name ("core/harvest/themes": themes.ts now, a themes/ folder once it grows one).
 */
export type ModulePath = string;

export interface TableOwner {
  /** The one module whose code writes the table; everyone else asks it. */
  owner: ModulePath;
  /** The few that may write it too, each with its reason. Adding one is a design decision. */
  alsoBy?: Readonly<Record<ModulePath, string>>;
}

const REGION_IMPORT =
  "region import rebuilds a region from its export in one transaction, with the rules of the forms that wrote it";
const ACCOUNT_ERASURE =
  "erasing an account (GDPR art. 17) removes the address from every table that holds it, in one transaction";
const DEMO =
  "the demo region is laid out in one transaction on an empty database, like a fixture, never over real data";
const FIXTURE = "test fixture: sets up a test's starting state without going through the intents";

/**
 * Who writes each table (issue 9: one owner per table). `core/kernel/owners.test.ts` finds every
 * insert, update, delete and merge in core/, app/, server/, cli/, demo/ and test/ and fails on a
 * write outside these. Reading is free.
 */
export const TABLE_OWNERS: { readonly [T in keyof Database]: TableOwner } = {
  regions: {
    owner: "core/regions/",
    alsoBy: { "demo/seedDemo.ts": DEMO, "test/fixtures.ts": FIXTURE },
  },
  users: {
    owner: "core/accounts/",
    alsoBy: {
      "core/privacy/eraseAccount.ts": ACCOUNT_ERASURE,
      "demo/seedDemo.ts": DEMO,
      "test/fixtures.ts": FIXTURE,
      "test/quickUser.ts": FIXTURE,
    },
  },
  memberships: {
    owner: "core/accounts/",
    alsoBy: {
      "test/regionWalk.ts": FIXTURE,
      "demo/seedDemo.ts": DEMO,
      "test/fixtures.ts": FIXTURE,
    },
  },
  auth_sessions: { owner: "core/accounts/" },
  invitations: {
    owner: "core/accounts/",
    alsoBy: { "test/regionWalk.ts": FIXTURE, "core/privacy/eraseAccount.ts": ACCOUNT_ERASURE },
  },
  password_resets: { owner: "core/accounts/", alsoBy: { "test/regionWalk.ts": FIXTURE } },
  email_verifications: { owner: "core/accounts/", alsoBy: { "test/regionWalk.ts": FIXTURE } },
  organisations: {
    owner: "core/people/",
    alsoBy: {
      "test/regionWalk.ts": FIXTURE,
      "core/regions/importRegion.ts": REGION_IMPORT,
      "demo/seedDemo.ts": DEMO,
    },
  },
  people: {
    owner: "core/people/",
    alsoBy: {
      "test/regionWalk.ts": FIXTURE,
      "core/regions/importRegion.ts": REGION_IMPORT,
      // Through core/people/anonymise.ts, the one rule for what an erased person keeps.
      "core/privacy/eraseAccount.ts": ACCOUNT_ERASURE,
      "demo/seedDemo.ts": DEMO,
    },
  },
  outbox: {
    owner: "core/mail/",
    alsoBy: { "test/regionWalk.ts": FIXTURE },
  },
  dialogue_templates: {
    owner: "core/dialogue/templates/",
    alsoBy: { "test/regionWalk.ts": FIXTURE },
  },
  dialogue_sessions: {
    owner: "core/dialogue/",
    alsoBy: {
      "test/regionWalk.ts": FIXTURE,
      "test/dialogueResults.ts": FIXTURE,
      "test/harvest.ts": FIXTURE,
    },
  },
  dialogue_participants: {
    owner: "core/dialogue/",
    alsoBy: {
      "test/regionWalk.ts": FIXTURE,
      "test/dialogueResults.ts": FIXTURE,
      "test/harvest.ts": FIXTURE,
    },
  },
  dialogue_answers: {
    owner: "core/dialogue/",
    alsoBy: {
      "test/regionWalk.ts": FIXTURE,
      "test/dialogueResults.ts": FIXTURE,
      "test/harvest.ts": FIXTURE,
    },
  },
  event_series: {
    owner: "core/events/",
    alsoBy: { "test/regionWalk.ts": FIXTURE, "demo/seedDemo.ts": DEMO },
  },
  events: {
    owner: "core/events/",
    alsoBy: { "test/regionWalk.ts": FIXTURE, "demo/seedDemo.ts": DEMO, "test/harvest.ts": FIXTURE },
  },
  registrations: {
    owner: "core/events/",
    alsoBy: { "test/regionWalk.ts": FIXTURE, "demo/seedDemo.ts": DEMO },
  },
  event_invitations: { owner: "core/events/" },
  jobs: { owner: "core/jobs/" },
  app_secrets: { owner: "core/kernel/signing.ts" },
  harvests: {
    owner: "core/harvest/",
    alsoBy: { "test/regionWalk.ts": FIXTURE, "test/harvestFixtures.ts": FIXTURE },
  },
  harvest_sources: { owner: "core/harvest/" },
  // Themes, their quotes and the actions answering a theme change together under the harvest's
  // row lock (merging a theme carries its quotes and action links along), so one module has them.
  harvest_themes: {
    owner: "core/harvest/themes",
    alsoBy: { "test/regionWalk.ts": FIXTURE, "test/harvestFixtures.ts": FIXTURE },
  },
  harvest_quotes: { owner: "core/harvest/themes" },
  action_sources: { owner: "core/harvest/themes" },
  contributions: {
    owner: "core/harvest/",
    alsoBy: { "test/regionWalk.ts": FIXTURE, "test/harvestFixtures.ts": FIXTURE },
  },
  actions: { owner: "core/actions/", alsoBy: { "test/regionWalk.ts": FIXTURE } },
  action_progress: { owner: "core/actions/" },
  action_partners: { owner: "core/actions/" },
  coalitions: {
    owner: "core/coalitions/",
    alsoBy: { "test/regionWalk.ts": FIXTURE, "demo/seedDemo.ts": DEMO },
  },
  coalition_actions: { owner: "core/coalitions/" },
  coalition_members: { owner: "core/coalitions/", alsoBy: { "demo/seedDemo.ts": DEMO } },
  challenges: {
    owner: "core/challenges/",
    alsoBy: {
      "test/regionWalk.ts": FIXTURE,
      "core/regions/importRegion.ts": REGION_IMPORT,
      "demo/seedDemo.ts": DEMO,
    },
  },
  challenge_phase_changes: {
    owner: "core/challenges/",
    alsoBy: { "core/regions/importRegion.ts": REGION_IMPORT, "demo/seedDemo.ts": DEMO },
  },
  // Not by the region import: the activities links point at are not part of a region's export.
  challenge_links: {
    owner: "core/challenges/",
    alsoBy: { "test/regionWalk.ts": FIXTURE, "demo/seedDemo.ts": DEMO },
  },
  challenge_ratings: {
    owner: "core/challenges/",
    alsoBy: { "core/regions/importRegion.ts": REGION_IMPORT, "demo/seedDemo.ts": DEMO },
  },
  challenge_roles: {
    owner: "core/challenges/",
    alsoBy: {
      "test/regionWalk.ts": FIXTURE,
      "core/regions/importRegion.ts": REGION_IMPORT,
      "demo/seedDemo.ts": DEMO,
    },
  },
  challenge_ambitions: {
    owner: "core/challenges/",
    alsoBy: { "core/regions/importRegion.ts": REGION_IMPORT, "demo/seedDemo.ts": DEMO },
  },
  network_ties: {
    owner: "core/network/",
    alsoBy: { "core/regions/importRegion.ts": REGION_IMPORT, "demo/seedDemo.ts": DEMO },
  },
  // No code writes it: the triggers of db/migrations/012_network.sql do, on every change that
  // makes or breaks a tie; core/network/ reads it as the cache key.
  network_changes: { owner: "core/network/" },
  // The knowledge base: entries, what they came from, who shares and adopts them, and the
  // learning communities they are shared in (issue 13). The poster's tips are seeded by
  // core/knowledge/ itself, for new regions, existing ones and the demo alike.
  knowledge_entries: { owner: "core/knowledge/" },
  knowledge_entry_evidence: { owner: "core/knowledge/" },
  knowledge_entry_authors: { owner: "core/knowledge/" },
  knowledge_entry_shares: { owner: "core/knowledge/" },
  learning_communities: { owner: "core/knowledge/" },
  learning_community_members: { owner: "core/knowledge/" },
  learning_community_meetings: { owner: "core/knowledge/" },
  knowledge_adoptions: { owner: "core/knowledge/" },
  // The self-scan (issue 13): scans, their own statements, rounds, anonymous responses and
  // answers, and whether a region takes part in the benchmark across regions.
  scans: { owner: "core/scan/" },
  scan_statements: { owner: "core/scan/" },
  scan_rounds: { owner: "core/scan/" },
  scan_responses: { owner: "core/scan/" },
  scan_answers: { owner: "core/scan/" },
  scan_settings: { owner: "core/scan/" },
};

/** Whether `file` (a path from the repository root) lies in `module`. */
export function inModule(module: ModulePath, file: string): boolean {
  if (module.endsWith("/")) return file.startsWith(module);
  if (/\.tsx?$/.test(module)) return file === module;
  return file === `${module}.ts` || file.startsWith(`${module}/`);
}

/** Whether `file` may write `table`: its owner's, or one of the named others. */
export function mayWrite(table: keyof Database, file: string): boolean {
  const { owner, alsoBy = {} } = TABLE_OWNERS[table];
  return inModule(owner, file) || Object.keys(alsoBy).some((m) => inModule(m, file));
}
