-- Challenges ("opgaven") and the four-phase cycle: the spine of a learning region. Every
-- activity (event, dialogue session, harvest, action, coalition) can serve one or more
-- challenges; a challenge keeps its phase history, the urgency parties give it, the roles
-- parties play in it and its ambition over the years.

-- The consolidation guard's thresholds, and the roles a region tracks per challenge. A role is
-- a catalog key of the shipped list (translated) or a name the region wrote itself.
ALTER TABLE regions
  ADD COLUMN stale_after_weeks integer NOT NULL DEFAULT 6 CHECK (stale_after_weeks BETWEEN 1 AND 104),
  ADD COLUMN phase_max_months integer NOT NULL DEFAULT 6 CHECK (phase_max_months BETWEEN 1 AND 60),
  ADD COLUMN challenge_roles jsonb NOT NULL DEFAULT
    '["initiator","knowledgeBroker","bridgeBuilder","experientialExpert","funder","processLead"]';

CREATE TABLE challenges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  why_urgent text NOT NULL DEFAULT '' CHECK (length(why_urgent) <= 5000),
  for_whom text NOT NULL DEFAULT '' CHECK (length(for_whom) <= 2000),
  guiding_question text NOT NULL DEFAULT '' CHECK (length(guiding_question) <= 1000),
  -- The places it covers, as people name them: a city, a district, several municipalities.
  geography text NOT NULL DEFAULT '' CHECK (length(geography) <= 500),
  owners text NOT NULL DEFAULT '' CHECK (length(owners) <= 500),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('candidate', 'active', 'paused', 'closed')),
  published boolean NOT NULL DEFAULT false,
  -- The current phase: always the to_phase of the latest row in challenge_phase_changes, written
  -- in the same transaction under the challenge's row lock.
  phase smallint NOT NULL DEFAULT 1 CHECK (phase BETWEEN 1 AND 4),
  phase_since timestamptz NOT NULL DEFAULT now(),
  -- What keeps it going after phase 4 (seed 001: projects stop after their last evaluation).
  continuation_funding text NOT NULL DEFAULT '' CHECK (length(continuation_funding) <= 1000),
  continuation_structure text NOT NULL DEFAULT '' CHECK (length(continuation_structure) <= 1000),
  continuation_owner text NOT NULL DEFAULT '' CHECK (length(continuation_owner) <= 1000),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, slug)
);
CREATE INDEX challenges_region ON challenges(region_id, created_at);

CREATE TABLE challenge_phase_changes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  challenge_id uuid NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
  -- Null for the first row, written when the challenge is created.
  from_phase smallint CHECK (from_phase BETWEEN 1 AND 4),
  to_phase smallint NOT NULL CHECK (to_phase BETWEEN 1 AND 4),
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
  changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
  changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX challenge_phase_changes_challenge ON challenge_phase_changes(challenge_id, changed_at);

-- What served a challenge: exactly one of the five kinds per row, each a real foreign key, so a
-- deleted event or action takes its links with it (no orphans).
CREATE TABLE challenge_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  challenge_id uuid NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
  event_id uuid REFERENCES events(id) ON DELETE CASCADE,
  dialogue_session_id uuid REFERENCES dialogue_sessions(id) ON DELETE CASCADE,
  harvest_id uuid REFERENCES harvests(id) ON DELETE CASCADE,
  action_id uuid REFERENCES actions(id) ON DELETE CASCADE,
  coalition_id uuid REFERENCES coalitions(id) ON DELETE CASCADE,
  -- The phase the challenge was in when the activity was linked: "what was done per phase".
  phase smallint NOT NULL CHECK (phase BETWEEN 1 AND 4),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(event_id, dialogue_session_id, harvest_id, action_id, coalition_id) = 1)
);
CREATE UNIQUE INDEX challenge_links_event ON challenge_links(challenge_id, event_id) WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX challenge_links_session ON challenge_links(challenge_id, dialogue_session_id) WHERE dialogue_session_id IS NOT NULL;
CREATE UNIQUE INDEX challenge_links_harvest ON challenge_links(challenge_id, harvest_id) WHERE harvest_id IS NOT NULL;
CREATE UNIQUE INDEX challenge_links_action ON challenge_links(challenge_id, action_id) WHERE action_id IS NOT NULL;
CREATE UNIQUE INDEX challenge_links_coalition ON challenge_links(challenge_id, coalition_id) WHERE coalition_id IS NOT NULL;
-- The other way round: an event's page lists the challenges it serves.
CREATE INDEX challenge_links_by_event ON challenge_links(event_id) WHERE event_id IS NOT NULL;
CREATE INDEX challenge_links_by_session ON challenge_links(dialogue_session_id) WHERE dialogue_session_id IS NOT NULL;
CREATE INDEX challenge_links_by_harvest ON challenge_links(harvest_id) WHERE harvest_id IS NOT NULL;
CREATE INDEX challenge_links_by_action ON challenge_links(action_id) WHERE action_id IS NOT NULL;
CREATE INDEX challenge_links_by_coalition ON challenge_links(coalition_id) WHERE coalition_id IS NOT NULL;

-- How urgent and important a party finds the challenge. One rating per organisation, or per
-- person when the person rates on their own; sector and perspective are kept as they were at
-- the time, so the spread per sector does not shift when an organisation is edited later.
CREATE TABLE challenge_ratings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  challenge_id uuid NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
  organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
  person_id uuid REFERENCES people(id) ON DELETE CASCADE,
  sector text,
  perspective text,
  urgency smallint NOT NULL CHECK (urgency BETWEEN 1 AND 5),
  importance smallint NOT NULL CHECK (importance BETWEEN 1 AND 5),
  why text NOT NULL DEFAULT '' CHECK (length(why) <= 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (organisation_id IS NOT NULL OR person_id IS NOT NULL)
);
CREATE UNIQUE INDEX challenge_ratings_organisation ON challenge_ratings(challenge_id, organisation_id)
  WHERE organisation_id IS NOT NULL;
CREATE UNIQUE INDEX challenge_ratings_person ON challenge_ratings(challenge_id, person_id)
  WHERE organisation_id IS NULL;

-- Who plays which role in a challenge (seed 001): a party, an organisation or a person.
CREATE TABLE challenge_roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  challenge_id uuid NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (length(role) BETWEEN 1 AND 100),
  organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
  person_id uuid REFERENCES people(id) ON DELETE CASCADE,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (organisation_id IS NOT NULL OR person_id IS NOT NULL),
  UNIQUE NULLS NOT DISTINCT (challenge_id, role, organisation_id, person_id)
);

-- The ambition ladder (01–05) as the coordinator set it over time. Dialogue sessions linked to
-- the challenge add their ladder answers to the history when it is read.
CREATE TABLE challenge_ambitions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  challenge_id uuid NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
  now_level smallint NOT NULL CHECK (now_level BETWEEN 1 AND 5),
  desired_level smallint NOT NULL CHECK (desired_level BETWEEN 1 AND 5),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  set_by uuid REFERENCES users(id) ON DELETE SET NULL,
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX challenge_ambitions_challenge ON challenge_ambitions(challenge_id, recorded_at);
