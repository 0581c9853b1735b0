import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Table types, one interface per table of `db/migrations/*.sql`. Keep them in step with the SQL. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, never, never>;

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

export interface Database {
  regions: RegionTable;
  users: UserTable;
  memberships: MembershipTable;
  auth_sessions: AuthSessionTable;
  invitations: InvitationTable;
  password_resets: PasswordResetTable;
  organisations: OrganisationTable;
  people: PersonTable;
  outbox: OutboxTable;
  dialogue_templates: DialogueTemplateTable;
  dialogue_sessions: DialogueSessionTable;
  dialogue_participants: DialogueParticipantTable;
  dialogue_answers: DialogueAnswerTable;
}

export type Region = Selectable<RegionTable>;
export type User = Selectable<UserTable>;
export type Organisation = Selectable<OrganisationTable>;
export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type OutboxMail = Selectable<OutboxTable>;
