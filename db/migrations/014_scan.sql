-- The self-scan (issue 13): a questionnaire a region (or one of its challenges) runs in rounds,
-- e.g. yearly, to see whether it gets better at learning together. The statements are the
-- shipped ones (core/scan/statements.ts, after seed 001) plus the region's own. Respondents
-- answer without an account, by a round's join code or a personal signed link.

CREATE TABLE scans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  -- A scan for one challenge; a deleted challenge leaves the scan as the region's.
  challenge_id uuid REFERENCES challenges(id) ON DELETE SET NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scans_region ON scans(region_id, created_at);

-- The region's own statements, beside the shipped ones. Answers name them as 'own.<id>'.
CREATE TABLE scan_statements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scan_id uuid NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  theme text NOT NULL CHECK (theme IN ('knowledge', 'network', 'collaboration', 'roles')),
  -- "About us" (the group) or "about me" (the individual), as the poster pairs its questions.
  form text NOT NULL CHECK (form IN ('group', 'individual')),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 300),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX scan_statements_scan ON scan_statements(scan_id, created_at);

CREATE TABLE scan_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Carried from the scan so the guard can load a round within its region directly.
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  scan_id uuid NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number >= 1),
  label text NOT NULL DEFAULT '' CHECK (length(label) <= 100),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  join_code text NOT NULL UNIQUE CHECK (join_code ~ '^[A-Z2-9]{8}$'),
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  UNIQUE (scan_id, number)
);
-- At most one open round per scan: opening a second while one runs is refused by the index.
CREATE UNIQUE INDEX scan_rounds_one_open ON scan_rounds(scan_id) WHERE status = 'open';

-- One response per respondent. Anonymous: no account, no name unless the respondent gives one.
-- A personal link's nonce is unique per round, so the same link answers once (the insert does
-- nothing the second time); join-code responses carry no nonce and may be many.
CREATE TABLE scan_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES scan_rounds(id) ON DELETE CASCADE,
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  link_nonce text CHECK (link_nonce ~ '^[A-Za-z0-9_-]{8,40}$'),
  name text CHECK (length(name) <= 200),
  sector text,
  perspective text,
  ladder_now smallint CHECK (ladder_now BETWEEN 1 AND 5),
  ladder_desired smallint CHECK (ladder_desired BETWEEN 1 AND 5),
  -- How much attention the group gives each phase of the cycle, 1 (little) to 5 (much).
  phase_1 smallint CHECK (phase_1 BETWEEN 1 AND 5),
  phase_2 smallint CHECK (phase_2 BETWEEN 1 AND 5),
  phase_3 smallint CHECK (phase_3 BETWEEN 1 AND 5),
  phase_4 smallint CHECK (phase_4 BETWEEN 1 AND 5),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (round_id, link_nonce)
);
CREATE INDEX scan_responses_round ON scan_responses(round_id);

-- Agreement 1–5 with one statement: a shipped key ('knowledge.open.group') or 'own.<uuid>'.
CREATE TABLE scan_answers (
  response_id uuid NOT NULL REFERENCES scan_responses(id) ON DELETE CASCADE,
  statement_key text NOT NULL CHECK (length(statement_key) <= 60),
  value smallint NOT NULL CHECK (value BETWEEN 1 AND 5),
  PRIMARY KEY (response_id, statement_key)
);

-- Whether a region takes part in the benchmark across regions (off until it opts in).
CREATE TABLE scan_settings (
  region_id uuid PRIMARY KEY REFERENCES regions(id) ON DELETE CASCADE,
  benchmark_opt_in boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
