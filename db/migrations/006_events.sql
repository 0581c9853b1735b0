-- Knowledge sessions, workshops, development sessions and network meetings; series of them;
-- registrations with capacity and a waitlist; invitation links; durable jobs (reminders,
-- follow-ups, anonymisation) and mail attachments (calendar invites).

CREATE TABLE event_series (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
  -- 'series': one registration covers every event of the series; 'event': people pick events.
  registration_mode text NOT NULL DEFAULT 'event' CHECK (registration_mode IN ('series', 'event')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, slug)
);

CREATE TABLE events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  series_id uuid REFERENCES event_series(id) ON DELETE SET NULL,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  kind text NOT NULL CHECK (kind IN ('knowledge_session', 'workshop', 'development_session', 'network_meeting')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 2000),
  programme text NOT NULL DEFAULT '' CHECK (length(programme) <= 10000),
  language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
  mode text NOT NULL CHECK (mode IN ('on_site', 'online', 'hybrid')),
  address text NOT NULL DEFAULT '' CHECK (length(address) <= 500),
  room text NOT NULL DEFAULT '' CHECK (length(room) <= 200),
  -- Shown only to people with a confirmed registration (in their mail and behind their link).
  online_url text NOT NULL DEFAULT '' CHECK (length(online_url) <= 1000),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  organisers text NOT NULL DEFAULT '' CHECK (length(organisers) <= 1000),
  facilitators text NOT NULL DEFAULT '' CHECK (length(facilitators) <= 1000),
  -- Empty means free.
  cost_note text NOT NULL DEFAULT '' CHECK (length(cost_note) <= 500),
  -- NULL means no limit.
  capacity integer CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 100000),
  waitlist boolean NOT NULL DEFAULT true,
  registration_deadline timestamptz,
  registration_closed boolean NOT NULL DEFAULT false,
  invitation_only boolean NOT NULL DEFAULT false,
  reminder_days integer CHECK (reminder_days IS NULL OR reminder_days BETWEEN 0 AND 60),
  -- The organiser's own questions: [{id, kind: text|choice|yesno, label, options?, required}].
  questions jsonb NOT NULL DEFAULT '[]',
  follow_up_url text NOT NULL DEFAULT '' CHECK (length(follow_up_url) <= 1000),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'cancelled')),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  anonymised_at timestamptz,
  CHECK (ends_at > starts_at),
  UNIQUE (region_id, slug)
);
CREATE INDEX events_agenda ON events(region_id, starts_at) WHERE status = 'published';
CREATE INDEX events_series ON events(series_id);

-- One row per person and event. `seq` orders the waitlist: the first in line has the lowest.
CREATE TABLE registrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL,
  event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  email text NOT NULL CHECK (length(email) <= 254),
  name text NOT NULL CHECK (length(name) <= 200),
  organisation text NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
  sector text CHECK (sector IN ('government', 'mbo', 'hbo', 'wo', 'social', 'company', 'residents', 'other')),
  role text NOT NULL DEFAULT '' CHECK (length(role) <= 200),
  answers jsonb NOT NULL DEFAULT '{}',
  diet text NOT NULL DEFAULT '' CHECK (length(diet) <= 500),
  accessibility text NOT NULL DEFAULT '' CHECK (length(accessibility) <= 500),
  language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
  status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  consent_at timestamptz NOT NULL,
  checked_in_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  promoted_at timestamptz,
  anonymised_at timestamptz,
  UNIQUE (event_id, email)
);
CREATE INDEX registrations_event_status ON registrations(event_id, status, seq);
CREATE INDEX registrations_region ON registrations(region_id);

-- Invitation links for invitation-only events: a random token, its hash kept.
CREATE TABLE event_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '' CHECK (length(label) <= 200),
  max_uses integer CHECK (max_uses IS NULL OR max_uses >= 1),
  uses integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- Durable jobs: a reminder or follow-up is a row with a moment; `key` makes scheduling the same
-- job twice a no-op, and a job's work commits in the same transaction that marks it done, so a
-- restart in between neither loses nor repeats it.
CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE CHECK (length(key) <= 300),
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  done_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due ON jobs(run_at) WHERE done_at IS NULL;

-- Secrets the installation makes for itself on first use (the key that signs registration links).
CREATE TABLE app_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Calendar invites travel with the confirmation: [{filename, contentType, content}].
ALTER TABLE outbox ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]';
-- The dialogue session an event holds (the column existed without its reference).
ALTER TABLE dialogue_sessions
  ADD CONSTRAINT dialogue_sessions_event FOREIGN KEY (event_id) REFERENCES events(id) ON DELETE SET NULL;
