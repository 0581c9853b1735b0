import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Table types, one interface per table of `db/migrations/*.sql`. Keep them in step with the SQL. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, never, never>;
/** A timestamp the database fills in when the insert leaves it out. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type Role = "admin" | "organiser" | "facilitator" | "member";
export type Locale = "nl" | "en";

export interface RegionTable {
  id: Generated<string>;
  slug: string;
  name: string;
  description: Generated<string>;
  challenges: Generated<string>;
  primary_color: Generated<string>;
  logo: Uint8Array | null;
  logo_mime: string | null;
  retention_months: Generated<number>;
  privacy_statement: Generated<string>;
  /** The consolidation guard: warn after this many weeks without activity on a challenge. */
  stale_after_weeks: Generated<number>;
  /** … and when a challenge sits in one phase longer than this many months. */
  phase_max_months: Generated<number>;
  /** The roles the region tracks per challenge: catalog keys or the region's own names. */
  challenge_roles: ColumnType<string[], string | undefined, string>;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  locale: Generated<Locale>;
  is_platform_admin: Generated<boolean>;
  created_at: CreatedAt;
  /** Set when a link sent to the address was used: only then is the address the person's own. */
  email_verified_at: Timestamp | null;
}

export interface EmailVerificationTable {
  token_hash: string;
  user_id: string;
  email: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface MembershipTable {
  user_id: string;
  region_id: string;
  role: Role;
  created_at: CreatedAt;
}

export interface AuthSessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface InvitationTable {
  id: Generated<string>;
  region_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface OrganisationTable {
  id: Generated<string>;
  region_id: string;
  name: string;
  sector: string;
  website: Generated<string>;
  created_at: CreatedAt;
}

export interface PersonTable {
  id: Generated<string>;
  region_id: string;
  organisation_id: string | null;
  name: string;
  email: string | null;
  perspectives: ColumnType<string[], string[] | undefined, string[]>;
  expertise: ColumnType<string[], string[] | undefined, string[]>;
  erased_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface OutboxTable {
  id: Generated<string>;
  region_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  claimed_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** Calendar invites and the like, delivered with the mail. */
  attachments: ColumnType<MailAttachment[], string | undefined, string>;
  /** The registration the mail is about, so the registrant's erasure takes it too. */
  registration_id: string | null;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface DialogueTemplateTable {
  id: Generated<string>;
  region_id: string;
  title: string;
  content: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface DialogueSessionTable {
  id: Generated<string>;
  region_id: string;
  title: string;
  language: Generated<Locale>;
  content: ColumnType<unknown, string, string>;
  join_code: string;
  status: Generated<"open" | "closed">;
  current_index: Generated<number>;
  current_question_id: string;
  answering_open: Generated<boolean>;
  results_visible: Generated<boolean>;
  timer_ends_at: Timestamp | null;
  version: Generated<number>;
  share_token: string | null;
  /** Whether the presenter shows who gave an open answer (migration 017); off by default. */
  names_on_wall: Generated<boolean>;
  event_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  closed_at: Timestamp | null;
  /** When the participants' names and device tokens were removed after the retention period. */
  anonymised_at: Timestamp | null;
}

export interface DialogueParticipantTable {
  id: Generated<string>;
  session_id: string;
  device_token_hash: string;
  display_name: string | null;
  organisation: string | null;
  sector: string | null;
  group_no: number | null;
  is_scribe: Generated<boolean>;
  /** Keyed hash of where the participant joined from (never the address); null for older rows. */
  client_fingerprint: string | null;
  created_at: CreatedAt;
}

export interface DialogueAnswerTable {
  session_id: string;
  question_id: string;
  participant_id: string;
  value: ColumnType<unknown, string, string>;
  idempotency_key: string;
  hidden: Generated<boolean>;
  theme_label: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export type EventKind =
  "knowledge_session" | "workshop" | "development_session" | "network_meeting";
export type EventMode = "on_site" | "online" | "hybrid";
export type RegistrationStatus = "confirmed" | "waitlisted" | "cancelled";

export interface EventSeriesTable {
  id: Generated<string>;
  region_id: string;
  slug: string;
  title: string;
  description: Generated<string>;
  registration_mode: Generated<"series" | "event">;
  created_at: CreatedAt;
}

export interface EventTable {
  id: Generated<string>;
  region_id: string;
  series_id: string | null;
  slug: string;
  kind: EventKind;
  title: string;
  summary: Generated<string>;
  programme: Generated<string>;
  language: Generated<Locale>;
  mode: EventMode;
  address: Generated<string>;
  room: Generated<string>;
  online_url: Generated<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  organisers: Generated<string>;
  facilitators: Generated<string>;
  cost_note: Generated<string>;
  capacity: number | null;
  waitlist: Generated<boolean>;
  registration_deadline: Timestamp | null;
  registration_closed: Generated<boolean>;
  invitation_only: Generated<boolean>;
  reminder_days: number | null;
  questions: ColumnType<unknown, string | undefined, string>;
  follow_up_url: Generated<string>;
  status: Generated<"draft" | "published" | "cancelled">;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  anonymised_at: Timestamp | null;
}

export interface RegistrationTable {
  id: Generated<string>;
  seq: Generated<string>;
  event_id: string;
  region_id: string;
  email: string;
  name: string;
  organisation: Generated<string>;
  sector: string | null;
  role: Generated<string>;
  answers: ColumnType<Record<string, unknown>, string | undefined, string>;
  diet: Generated<string>;
  accessibility: Generated<string>;
  language: Generated<Locale>;
  status: RegistrationStatus;
  consent_at: Timestamp;
  checked_in_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  cancelled_at: Timestamp | null;
  promoted_at: Timestamp | null;
  anonymised_at: Timestamp | null;
}

export interface EventInvitationTable {
  id: Generated<string>;
  event_id: string;
  token_hash: string;
  label: Generated<string>;
  max_uses: number | null;
  uses: Generated<number>;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
}

export interface JobTable {
  id: Generated<string>;
  key: string;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  run_at: Timestamp;
  attempts: Generated<number>;
  last_error: string | null;
  done_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface AppSecretTable {
  name: string;
  value: string;
  created_at: CreatedAt;
}

export type ContributionKind = "dream" | "dilemma" | "idea" | "question" | "other";
export type ContributionOrigin = "answer" | "group_note" | "form" | "import" | "manual";
export type ActionStatus = "idea" | "planned" | "running" | "done" | "stopped";

export interface HarvestTable {
  id: Generated<string>;
  region_id: string;
  slug: string;
  title: string;
  description: Generated<string>;
  language: Generated<Locale>;
  strategic_themes: ColumnType<string[], string | undefined, string>;
  form_open: Generated<boolean>;
  publication_title: Generated<string>;
  introduction: Generated<string>;
  publication_public: Generated<boolean>;
  agenda_public: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface HarvestSourceTable {
  harvest_id: string;
  dialogue_session_id: string | null;
  event_id: string | null;
}

export interface HarvestThemeTable {
  id: Generated<string>;
  harvest_id: string;
  label: string;
  summary: Generated<string>;
  strategic_theme: Generated<string>;
  position: Generated<number>;
  origin: Generated<"proposed" | "curated">;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ContributionTable {
  id: Generated<string>;
  harvest_id: string;
  region_id: string;
  text: string;
  kind: Generated<ContributionKind>;
  origin: ContributionOrigin;
  source_session_id: string | null;
  source_question_id: string | null;
  source_participant_id: string | null;
  source_label: Generated<string>;
  source_theme: Generated<string>;
  sector: string | null;
  tags: ColumnType<string[], string | undefined, string>;
  hidden: Generated<boolean>;
  merged_into_id: string | null;
  theme_id: string | null;
  theme_locked: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface HarvestQuoteTable {
  theme_id: string;
  contribution_id: string;
  position: Generated<number>;
}

export interface ActionTable {
  id: Generated<string>;
  region_id: string;
  harvest_id: string | null;
  title: string;
  goal: Generated<string>;
  owner_organisation: Generated<string>;
  owner_organisation_id: ColumnType<string | null, string | null | undefined, string | null>;
  partners: Generated<string>;
  starts_on: ColumnType<string | null, string | null | undefined, string | null>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  status: Generated<ActionStatus>;
  position: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ActionProgressTable {
  id: Generated<string>;
  action_id: string;
  note: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ActionSourceTable {
  action_id: string;
  theme_id: string | null;
  contribution_id: string | null;
}

export interface CoalitionTable {
  id: Generated<string>;
  region_id: string;
  title: string;
  lead_name: Generated<string>;
  lead_organisation: Generated<string>;
  lead_person_id: ColumnType<string | null, string | null | undefined, string | null>;
  lead_organisation_id: ColumnType<string | null, string | null | undefined, string | null>;
  way_of_working: Generated<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CoalitionActionTable {
  coalition_id: string;
  action_id: string;
}

export interface CoalitionMemberTable {
  id: Generated<string>;
  coalition_id: string;
  name: string;
  email: string | null;
  organisation: Generated<string>;
  sector: string | null;
  perspective: string | null;
  note: Generated<string>;
  status: Generated<"interested" | "member" | "declined">;
  consent_at: Timestamp | null;
  person_id: ColumnType<string | null, string | null | undefined, string | null>;
  organisation_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

/** An action's partner that the register knows (db/migrations/016_party_links.sql). */
export interface ActionPartnerTable {
  action_id: string;
  name: string;
  organisation_id: string | null;
  person_id: string | null;
}

export type ChallengeStatus = "candidate" | "active" | "paused" | "closed";
export type CyclePhase = 1 | 2 | 3 | 4;

export interface ChallengeTable {
  id: Generated<string>;
  region_id: string;
  slug: string;
  title: string;
  why_urgent: Generated<string>;
  for_whom: Generated<string>;
  guiding_question: Generated<string>;
  geography: Generated<string>;
  owners: Generated<string>;
  status: Generated<ChallengeStatus>;
  published: Generated<boolean>;
  phase: Generated<CyclePhase>;
  phase_since: DefaultTimestamp;
  continuation_funding: Generated<string>;
  continuation_structure: Generated<string>;
  continuation_owner: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ChallengePhaseChangeTable {
  id: Generated<string>;
  challenge_id: string;
  from_phase: CyclePhase | null;
  to_phase: CyclePhase;
  reason: Generated<string>;
  changed_by: string | null;
  changed_at: DefaultTimestamp;
}

export interface ChallengeLinkTable {
  id: Generated<string>;
  challenge_id: string;
  event_id: string | null;
  dialogue_session_id: string | null;
  harvest_id: string | null;
  action_id: string | null;
  coalition_id: string | null;
  phase: CyclePhase;
  created_at: DefaultTimestamp;
}

export interface ChallengeRatingTable {
  id: Generated<string>;
  challenge_id: string;
  organisation_id: string | null;
  person_id: string | null;
  sector: string | null;
  perspective: string | null;
  urgency: number;
  importance: number;
  why: Generated<string>;
  created_at: DefaultTimestamp;
  updated_at: Timestamp;
}

export interface ChallengeRoleTable {
  id: Generated<string>;
  challenge_id: string;
  role: string;
  organisation_id: string | null;
  person_id: string | null;
  note: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface ChallengeAmbitionTable {
  id: Generated<string>;
  challenge_id: string;
  now_level: number;
  desired_level: number;
  note: Generated<string>;
  set_by: string | null;
  recorded_at: DefaultTimestamp;
}

export type DeclaredTieKind = "works_with" | "advises" | "learns_from" | "funds" | "other";

export interface NetworkTieTable {
  id: Generated<string>;
  region_id: string;
  person_a: string | null;
  person_b: string | null;
  organisation_a: string | null;
  organisation_b: string | null;
  kind: DeclaredTieKind;
  note: Generated<string>;
  recorded_by: string | null;
  created_at: DefaultTimestamp;
}

/** Written only by the triggers of migration 012: the network cache's key per region. */
export interface NetworkChangeTable {
  seq: Generated<string>;
  region_id: string;
  tx: Generated<string>;
}

export type KnowledgeKind = "lesson" | "practice" | "method" | "instrument" | "source";
export type KnowledgeStatus = "draft" | "published";
export type KnowledgeVisibility = "region" | "shared" | "public";
export type AdoptionOutcome = "worked" | "partly" | "not_yet" | "did_not_work";

export interface KnowledgeEntryTable {
  id: Generated<string>;
  region_id: string;
  slug: string;
  kind: KnowledgeKind;
  title: string;
  summary: Generated<string>;
  body_md: Generated<string>;
  citation: Generated<string>;
  source_url: Generated<string>;
  sectors: ColumnType<string[], string[] | undefined, string[]>;
  perspectives: ColumnType<string[], string[] | undefined, string[]>;
  essentials: ColumnType<string[], string[] | undefined, string[]>;
  ambition_levels: ColumnType<number[], number[] | undefined, number[]>;
  phases: ColumnType<number[], number[] | undefined, number[]>;
  theme: Generated<string>;
  licence: Generated<string>;
  language: Generated<Locale>;
  status: Generated<KnowledgeStatus>;
  visibility: Generated<KnowledgeVisibility>;
  /** The key of shipped content (the poster's tips); null for what the region wrote. */
  shipped_key: string | null;
  created_by: string | null;
  published_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: Timestamp;
}

export interface KnowledgeEntryEvidenceTable {
  id: Generated<string>;
  entry_id: string;
  challenge_id: string | null;
  event_id: string | null;
  dialogue_session_id: string | null;
  harvest_id: string | null;
  harvest_theme_id: string | null;
  action_id: string | null;
  note: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface KnowledgeEntryAuthorTable {
  entry_id: string;
  person_id: string;
  consent_given_at: Timestamp | null;
  position: Generated<number>;
  created_at: DefaultTimestamp;
}

export interface KnowledgeEntryShareTable {
  id: Generated<string>;
  entry_id: string;
  region_id: string | null;
  community_id: string | null;
  created_at: DefaultTimestamp;
}

export interface LearningCommunityTable {
  id: Generated<string>;
  host_region_id: string;
  slug: string;
  name: string;
  description: Generated<string>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: Timestamp;
}

export interface LearningCommunityMemberTable {
  community_id: string;
  region_id: string;
  joined_at: DefaultTimestamp;
}

export interface LearningCommunityMeetingTable {
  community_id: string;
  event_id: string;
  created_at: DefaultTimestamp;
}

export interface KnowledgeAdoptionTable {
  id: Generated<string>;
  entry_id: string;
  region_id: string;
  tried: string;
  outcome: Generated<AdoptionOutcome>;
  note: Generated<string>;
  adopted_on: ColumnType<string, string | undefined, string>;
  recorded_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: Timestamp;
}

export type ScanTheme = "knowledge" | "network" | "collaboration" | "roles";
export type ScanForm = "group" | "individual";

export interface ScanTable {
  id: Generated<string>;
  region_id: string;
  challenge_id: string | null;
  title: string;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: Timestamp;
}

export interface ScanStatementTable {
  id: Generated<string>;
  scan_id: string;
  theme: ScanTheme;
  form: ScanForm;
  text: string;
  created_at: DefaultTimestamp;
}

export interface ScanRoundTable {
  id: Generated<string>;
  region_id: string;
  scan_id: string;
  number: number;
  label: Generated<string>;
  status: Generated<"open" | "closed">;
  join_code: string;
  opened_at: DefaultTimestamp;
  closed_at: Timestamp | null;
}

export interface ScanResponseTable {
  id: Generated<string>;
  round_id: string;
  region_id: string;
  /** The personal link's nonce; null for an answer by join code. */
  link_nonce: string | null;
  name: string | null;
  sector: string | null;
  perspective: string | null;
  ladder_now: number | null;
  ladder_desired: number | null;
  phase_1: number | null;
  phase_2: number | null;
  phase_3: number | null;
  phase_4: number | null;
  created_at: DefaultTimestamp;
}

export interface ScanAnswerTable {
  response_id: string;
  statement_key: string;
  value: number;
}

export interface ScanSettingsTable {
  region_id: string;
  benchmark_opt_in: Generated<boolean>;
  updated_at: DefaultTimestamp;
}

export interface Database {
  regions: RegionTable;
  users: UserTable;
  memberships: MembershipTable;
  auth_sessions: AuthSessionTable;
  invitations: InvitationTable;
  password_resets: PasswordResetTable;
  email_verifications: EmailVerificationTable;
  organisations: OrganisationTable;
  people: PersonTable;
  outbox: OutboxTable;
  dialogue_templates: DialogueTemplateTable;
  dialogue_sessions: DialogueSessionTable;
  dialogue_participants: DialogueParticipantTable;
  dialogue_answers: DialogueAnswerTable;
  event_series: EventSeriesTable;
  events: EventTable;
  registrations: RegistrationTable;
  event_invitations: EventInvitationTable;
  jobs: JobTable;
  app_secrets: AppSecretTable;
  harvests: HarvestTable;
  harvest_sources: HarvestSourceTable;
  harvest_themes: HarvestThemeTable;
  contributions: ContributionTable;
  harvest_quotes: HarvestQuoteTable;
  actions: ActionTable;
  action_partners: ActionPartnerTable;
  action_progress: ActionProgressTable;
  action_sources: ActionSourceTable;
  coalitions: CoalitionTable;
  coalition_actions: CoalitionActionTable;
  coalition_members: CoalitionMemberTable;
  challenges: ChallengeTable;
  challenge_phase_changes: ChallengePhaseChangeTable;
  challenge_links: ChallengeLinkTable;
  challenge_ratings: ChallengeRatingTable;
  challenge_roles: ChallengeRoleTable;
  challenge_ambitions: ChallengeAmbitionTable;
  network_ties: NetworkTieTable;
  network_changes: NetworkChangeTable;
  knowledge_entries: KnowledgeEntryTable;
  knowledge_entry_evidence: KnowledgeEntryEvidenceTable;
  knowledge_entry_authors: KnowledgeEntryAuthorTable;
  knowledge_entry_shares: KnowledgeEntryShareTable;
  learning_communities: LearningCommunityTable;
  learning_community_members: LearningCommunityMemberTable;
  learning_community_meetings: LearningCommunityMeetingTable;
  knowledge_adoptions: KnowledgeAdoptionTable;
  scans: ScanTable;
  scan_statements: ScanStatementTable;
  scan_rounds: ScanRoundTable;
  scan_responses: ScanResponseTable;
  scan_answers: ScanAnswerTable;
  scan_settings: ScanSettingsTable;
}

export type Region = Selectable<RegionTable>;
export type User = Selectable<UserTable>;
export type Organisation = Selectable<OrganisationTable>;
export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type OutboxMail = Selectable<OutboxTable>;
