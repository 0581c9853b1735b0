-- The knowledge base (issue 13): lessons, practices, methods, instruments and sources a region
-- keeps, with the activities they came from, their authors, who they are shared with, and where
-- other regions adopted them with what result. Learning communities are the one thing here that
-- spans regions: a host region and member regions that share entries and meet.

CREATE TABLE knowledge_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  kind text NOT NULL CHECK (kind IN ('lesson', 'practice', 'method', 'instrument', 'source')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 1000),
  -- Markdown as written; rendered through core/knowledge/markdown.ts, which sanitises.
  body_md text NOT NULL DEFAULT '' CHECK (length(body_md) <= 50000),
  -- For a source: the publication as one would cite it.
  citation text NOT NULL DEFAULT '' CHECK (length(citation) <= 1000),
  source_url text NOT NULL DEFAULT '' CHECK (length(source_url) <= 500),
  -- Context: the lists of core/kernel/sectors.ts, the ambition ladder (1–5), the cycle (1–4).
  sectors text[] NOT NULL DEFAULT '{}',
  perspectives text[] NOT NULL DEFAULT '{}',
  essentials text[] NOT NULL DEFAULT '{}'
    CHECK (essentials <@ ARRAY['knowledge', 'network', 'collaboration']::text[]),
  ambition_levels integer[] NOT NULL DEFAULT '{}'
    CHECK (ambition_levels <@ ARRAY[1, 2, 3, 4, 5]),
  phases integer[] NOT NULL DEFAULT '{}' CHECK (phases <@ ARRAY[1, 2, 3, 4]),
  theme text NOT NULL DEFAULT '' CHECK (length(theme) <= 200),
  licence text NOT NULL DEFAULT 'CC-BY-4.0' CHECK (length(licence) BETWEEN 1 AND 40),
  language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  -- Who may see it once published: the region only, the regions and communities in
  -- knowledge_entry_shares, or everyone. Drafts stay in the region whatever this says.
  visibility text NOT NULL DEFAULT 'region' CHECK (visibility IN ('region', 'shared', 'public')),
  -- Content the product ships (the poster's six tips): the key it was seeded under, so seeding
  -- again finds it instead of adding a copy. Null for what the region wrote.
  shipped_key text CHECK (shipped_key IS NULL OR length(shipped_key) <= 60),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, slug)
);
CREATE UNIQUE INDEX knowledge_entries_shipped ON knowledge_entries(region_id, shipped_key, language)
  WHERE shipped_key IS NOT NULL;
CREATE INDEX knowledge_entries_region ON knowledge_entries(region_id, updated_at);
-- Other regions and the public only ever reach published entries shared beyond the region.
CREATE INDEX knowledge_entries_outward ON knowledge_entries(visibility, published_at)
  WHERE status = 'published' AND visibility <> 'region';

-- What an entry came from: exactly one activity of the entry's region per row, each a real
-- foreign key, so deleting the activity takes the link with it.
CREATE TABLE knowledge_entry_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entry_id uuid NOT NULL REFERENCES knowledge_entries(id) ON DELETE CASCADE,
  challenge_id uuid REFERENCES challenges(id) ON DELETE CASCADE,
  event_id uuid REFERENCES events(id) ON DELETE CASCADE,
  dialogue_session_id uuid REFERENCES dialogue_sessions(id) ON DELETE CASCADE,
  harvest_id uuid REFERENCES harvests(id) ON DELETE CASCADE,
  harvest_theme_id uuid REFERENCES harvest_themes(id) ON DELETE CASCADE,
  action_id uuid REFERENCES actions(id) ON DELETE CASCADE,
  -- What of it: a quoted paragraph, a question's result.
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(challenge_id, event_id, dialogue_session_id, harvest_id, harvest_theme_id, action_id) = 1)
);
CREATE UNIQUE INDEX knowledge_evidence_challenge ON knowledge_entry_evidence(entry_id, challenge_id) WHERE challenge_id IS NOT NULL;
CREATE UNIQUE INDEX knowledge_evidence_event ON knowledge_entry_evidence(entry_id, event_id) WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX knowledge_evidence_session ON knowledge_entry_evidence(entry_id, dialogue_session_id) WHERE dialogue_session_id IS NOT NULL;
CREATE UNIQUE INDEX knowledge_evidence_harvest ON knowledge_entry_evidence(entry_id, harvest_id) WHERE harvest_id IS NOT NULL;
CREATE UNIQUE INDEX knowledge_evidence_theme ON knowledge_entry_evidence(entry_id, harvest_theme_id) WHERE harvest_theme_id IS NOT NULL;
CREATE UNIQUE INDEX knowledge_evidence_action ON knowledge_entry_evidence(entry_id, action_id) WHERE action_id IS NOT NULL;
-- For the cascades and the "lessons drawn from this" lists on an activity's page.
CREATE INDEX knowledge_evidence_by_challenge ON knowledge_entry_evidence(challenge_id) WHERE challenge_id IS NOT NULL;
CREATE INDEX knowledge_evidence_by_event ON knowledge_entry_evidence(event_id) WHERE event_id IS NOT NULL;
CREATE INDEX knowledge_evidence_by_session ON knowledge_entry_evidence(dialogue_session_id) WHERE dialogue_session_id IS NOT NULL;
CREATE INDEX knowledge_evidence_by_harvest ON knowledge_entry_evidence(harvest_id) WHERE harvest_id IS NOT NULL;
CREATE INDEX knowledge_evidence_by_theme ON knowledge_entry_evidence(harvest_theme_id) WHERE harvest_theme_id IS NOT NULL;
CREATE INDEX knowledge_evidence_by_action ON knowledge_entry_evidence(action_id) WHERE action_id IS NOT NULL;

-- Authors are people of the entry's region. Their name shows only once they consented
-- (consent_given_at), and never after they were erased.
CREATE TABLE knowledge_entry_authors (
  entry_id uuid NOT NULL REFERENCES knowledge_entries(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  consent_given_at timestamptz,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entry_id, person_id)
);
CREATE INDEX knowledge_authors_person ON knowledge_entry_authors(person_id);

CREATE TABLE learning_communities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The region whose organisers manage it; deleting that region ends the community.
  host_region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX learning_communities_host ON learning_communities(host_region_id);

-- The host is a member too (written when the community is created), so "the regions of a
-- community" is one table.
CREATE TABLE learning_community_members (
  community_id uuid NOT NULL REFERENCES learning_communities(id) ON DELETE CASCADE,
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, region_id)
);
CREATE INDEX learning_community_members_region ON learning_community_members(region_id);

-- Sharing beyond the region: with one named region or with one learning community per row.
CREATE TABLE knowledge_entry_shares (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entry_id uuid NOT NULL REFERENCES knowledge_entries(id) ON DELETE CASCADE,
  region_id uuid REFERENCES regions(id) ON DELETE CASCADE,
  community_id uuid REFERENCES learning_communities(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(region_id, community_id) = 1)
);
CREATE UNIQUE INDEX knowledge_shares_region ON knowledge_entry_shares(entry_id, region_id) WHERE region_id IS NOT NULL;
CREATE UNIQUE INDEX knowledge_shares_community ON knowledge_entry_shares(entry_id, community_id) WHERE community_id IS NOT NULL;
-- visibleTo() looks shares up from the reader's side.
CREATE INDEX knowledge_shares_by_region ON knowledge_entry_shares(region_id) WHERE region_id IS NOT NULL;
CREATE INDEX knowledge_shares_by_community ON knowledge_entry_shares(community_id) WHERE community_id IS NOT NULL;

-- A community meets at an event one of its member regions organises.
CREATE TABLE learning_community_meetings (
  community_id uuid NOT NULL REFERENCES learning_communities(id) ON DELETE CASCADE,
  event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, event_id)
);
CREATE INDEX learning_community_meetings_event ON learning_community_meetings(event_id);

-- The transfer check: a region tried an entry of another region. Several rows per entry and
-- region are allowed, one per try: a region that tries again in another challenge or year keeps
-- the earlier result, and "did not work, then worked after we changed X" is the lesson itself.
CREATE TABLE knowledge_adoptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entry_id uuid NOT NULL REFERENCES knowledge_entries(id) ON DELETE CASCADE,
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  tried text NOT NULL CHECK (length(tried) BETWEEN 1 AND 2000),
  outcome text NOT NULL DEFAULT 'not_yet' CHECK (outcome IN ('worked', 'partly', 'not_yet', 'did_not_work')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  adopted_on date NOT NULL DEFAULT CURRENT_DATE,
  recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX knowledge_adoptions_entry ON knowledge_adoptions(entry_id, adopted_on);
CREATE INDEX knowledge_adoptions_region ON knowledge_adoptions(region_id);
