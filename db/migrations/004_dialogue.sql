-- Live dialogue sessions: the learning-region dialogue instrument run with a group.

CREATE TABLE dialogue_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  content jsonb NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dialogue_templates_region ON dialogue_templates(region_id);

-- A session keeps its own copy of the template, so editing a template never changes a session
-- that ran with it. `version` rises with every change of state that clients must follow.
CREATE TABLE dialogue_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
  content jsonb NOT NULL,
  join_code text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  current_index integer NOT NULL DEFAULT 0,
  -- Kept beside the index so that the answer upsert can check, in the same statement, that the
  -- question is still the current one and open: an answer racing a close is refused, not saved.
  current_question_id text NOT NULL,
  answering_open boolean NOT NULL DEFAULT false,
  results_visible boolean NOT NULL DEFAULT false,
  timer_ends_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  share_token text UNIQUE,
  event_id uuid,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);
CREATE INDEX dialogue_sessions_region ON dialogue_sessions(region_id, created_at);

-- Participants need no account: a device token (only its hash is stored) identifies them.
CREATE TABLE dialogue_participants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES dialogue_sessions(id) ON DELETE CASCADE,
  device_token_hash text NOT NULL,
  display_name text CHECK (length(display_name) <= 60),
  organisation text CHECK (length(organisation) <= 200),
  sector text CHECK (sector IN ('government', 'mbo', 'hbo', 'wo', 'social', 'company', 'residents', 'other')),
  group_no integer,
  is_scribe boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (session_id, device_token_hash)
);

-- One row per participant and question: answering again replaces the answer (upsert), so a
-- retry can never count twice. The idempotency key of the last write is kept to acknowledge
-- a retried submission as the same one.
CREATE TABLE dialogue_answers (
  session_id uuid NOT NULL REFERENCES dialogue_sessions(id) ON DELETE CASCADE,
  question_id text NOT NULL,
  participant_id uuid NOT NULL REFERENCES dialogue_participants(id) ON DELETE CASCADE,
  value jsonb NOT NULL,
  idempotency_key text NOT NULL,
  hidden boolean NOT NULL DEFAULT false,
  theme_label text CHECK (length(theme_label) <= 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, question_id, participant_id)
);
