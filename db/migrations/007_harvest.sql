-- Harvest to results: contributions gathered across sessions and events, themes, a publication,
-- an action agenda and development coalitions, each result traceable to its contributions.

CREATE TABLE harvests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
  language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
  -- The region's strategic themes this harvest is organised by (seed 004 has three).
  strategic_themes jsonb NOT NULL DEFAULT '[]',
  -- Anyone with the link may add ideas through the public contribution form while this is on.
  form_open boolean NOT NULL DEFAULT false,
  -- The publication, written by the organiser around the curated themes.
  publication_title text NOT NULL DEFAULT '' CHECK (length(publication_title) <= 200),
  introduction text NOT NULL DEFAULT '' CHECK (length(introduction) <= 20000),
  publication_public boolean NOT NULL DEFAULT false,
  agenda_public boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, slug)
);

-- Which dialogue sessions and events feed the harvest.
CREATE TABLE harvest_sources (
  harvest_id uuid NOT NULL REFERENCES harvests(id) ON DELETE CASCADE,
  dialogue_session_id uuid REFERENCES dialogue_sessions(id) ON DELETE CASCADE,
  event_id uuid REFERENCES events(id) ON DELETE CASCADE,
  CHECK ((dialogue_session_id IS NULL) <> (event_id IS NULL))
);
CREATE UNIQUE INDEX harvest_sources_session ON harvest_sources(harvest_id, dialogue_session_id)
  WHERE dialogue_session_id IS NOT NULL;
CREATE UNIQUE INDEX harvest_sources_event ON harvest_sources(harvest_id, event_id)
  WHERE event_id IS NOT NULL;

CREATE TABLE harvest_themes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  harvest_id uuid NOT NULL REFERENCES harvests(id) ON DELETE CASCADE,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  -- The organiser's summary, the theme's paragraph in the publication.
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 20000),
  strategic_theme text NOT NULL DEFAULT '' CHECK (length(strategic_theme) <= 200),
  position integer NOT NULL DEFAULT 0,
  -- 'proposed' by the grouping until the organiser accepts, renames, merges or splits it.
  origin text NOT NULL DEFAULT 'proposed' CHECK (origin IN ('proposed', 'curated')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX harvest_themes_harvest ON harvest_themes(harvest_id, position);

CREATE TABLE contributions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  harvest_id uuid NOT NULL REFERENCES harvests(id) ON DELETE CASCADE,
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  kind text NOT NULL DEFAULT 'other' CHECK (kind IN ('dream', 'dilemma', 'idea', 'question', 'other')),
  -- Where it came from: an individual answer, a group's note, the public form, or an import.
  origin text NOT NULL CHECK (origin IN ('answer', 'group_note', 'form', 'import', 'manual')),
  source_session_id uuid REFERENCES dialogue_sessions(id) ON DELETE SET NULL,
  source_question_id text,
  source_participant_id uuid REFERENCES dialogue_participants(id) ON DELETE SET NULL,
  -- Readable source: "Ontwikkelsessie 3 · Wat is jouw droom?" (kept when the session goes).
  source_label text NOT NULL DEFAULT '' CHECK (length(source_label) <= 500),
  source_theme text NOT NULL DEFAULT '' CHECK (length(source_theme) <= 200),
  sector text CHECK (sector IN ('government', 'mbo', 'hbo', 'wo', 'social', 'company', 'residents', 'other')),
  tags jsonb NOT NULL DEFAULT '[]',
  hidden boolean NOT NULL DEFAULT false,
  -- A merged contribution points at the one it was merged into and counts no more on its own.
  merged_into_id uuid REFERENCES contributions(id) ON DELETE SET NULL,
  theme_id uuid REFERENCES harvest_themes(id) ON DELETE SET NULL,
  -- Set when the organiser placed it by hand: regrouping never moves it.
  theme_locked boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contributions_harvest ON contributions(harvest_id, created_at);
CREATE INDEX contributions_theme ON contributions(theme_id);
-- Gathering the same answer again updates it instead of adding it twice.
CREATE UNIQUE INDEX contributions_from_answer
  ON contributions(harvest_id, source_session_id, source_question_id, source_participant_id)
  WHERE source_participant_id IS NOT NULL;

-- Quotes the organiser selects for a theme's paragraph in the publication.
CREATE TABLE harvest_quotes (
  theme_id uuid NOT NULL REFERENCES harvest_themes(id) ON DELETE CASCADE,
  contribution_id uuid NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (theme_id, contribution_id)
);

CREATE TABLE actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  harvest_id uuid REFERENCES harvests(id) ON DELETE SET NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  goal text NOT NULL DEFAULT '' CHECK (length(goal) <= 5000),
  owner_organisation text NOT NULL DEFAULT '' CHECK (length(owner_organisation) <= 200),
  partners text NOT NULL DEFAULT '' CHECK (length(partners) <= 2000),
  starts_on date,
  ends_on date,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('idea', 'planned', 'running', 'done', 'stopped')),
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX actions_region ON actions(region_id, position);

CREATE TABLE action_progress (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  action_id uuid NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 5000),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- What an action answers: whole themes and single contributions.
CREATE TABLE action_sources (
  action_id uuid NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  theme_id uuid REFERENCES harvest_themes(id) ON DELETE CASCADE,
  contribution_id uuid REFERENCES contributions(id) ON DELETE CASCADE,
  CHECK ((theme_id IS NULL) <> (contribution_id IS NULL))
);
CREATE UNIQUE INDEX action_sources_theme ON action_sources(action_id, theme_id) WHERE theme_id IS NOT NULL;
CREATE UNIQUE INDEX action_sources_contribution ON action_sources(action_id, contribution_id)
  WHERE contribution_id IS NOT NULL;

CREATE TABLE coalitions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  lead_name text NOT NULL DEFAULT '' CHECK (length(lead_name) <= 200),
  lead_organisation text NOT NULL DEFAULT '' CHECK (length(lead_organisation) <= 200),
  way_of_working text NOT NULL DEFAULT '' CHECK (length(way_of_working) <= 5000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE coalition_actions (
  coalition_id uuid NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  action_id uuid NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  PRIMARY KEY (coalition_id, action_id)
);

-- People and organisations in a coalition; 'interested' came in through the public agenda.
CREATE TABLE coalition_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  coalition_id uuid NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email text CHECK (length(email) <= 254),
  organisation text NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
  sector text CHECK (sector IN ('government', 'mbo', 'hbo', 'wo', 'social', 'company', 'residents', 'other')),
  perspective text CHECK (perspective IN ('work', 'research', 'living', 'policy', 'education')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  status text NOT NULL DEFAULT 'interested' CHECK (status IN ('interested', 'member', 'declined')),
  consent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (coalition_id, email)
);
