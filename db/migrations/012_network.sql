-- The network view (issue 12): ties a person or coordinator declares, and a change log that lets
-- the computed network (ties and measures, seconds of work for a big region) be cached until
-- something that makes a tie changes.

-- "Works with": declared between two people or between two organisations of one region. Stored
-- once per pair and kind, the smaller id first, so A–B and B–A are the same tie.
CREATE TABLE network_ties (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  person_a uuid REFERENCES people(id) ON DELETE CASCADE,
  person_b uuid REFERENCES people(id) ON DELETE CASCADE,
  organisation_a uuid REFERENCES organisations(id) ON DELETE CASCADE,
  organisation_b uuid REFERENCES organisations(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('works_with', 'advises', 'learns_from', 'funds', 'other')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (
    (person_a IS NOT NULL AND person_b IS NOT NULL AND organisation_a IS NULL AND organisation_b IS NULL AND person_a < person_b)
    OR (organisation_a IS NOT NULL AND organisation_b IS NOT NULL AND person_a IS NULL AND person_b IS NULL AND organisation_a < organisation_b)
  )
);
CREATE UNIQUE INDEX network_ties_people ON network_ties(person_a, person_b, kind) WHERE person_a IS NOT NULL;
CREATE UNIQUE INDEX network_ties_organisations ON network_ties(organisation_a, organisation_b, kind) WHERE organisation_a IS NOT NULL;
CREATE INDEX network_ties_region ON network_ties(region_id);
CREATE INDEX network_ties_person_b ON network_ties(person_b) WHERE person_b IS NOT NULL;
CREATE INDEX network_ties_organisation_b ON network_ties(organisation_b) WHERE organisation_b IS NOT NULL;

-- One row per transaction that changed something a tie is made of, per region. Insert-only (no
-- row two writers wait for: check-in at the door must not queue behind a group split), and read
-- as (count, max) for the cache key: a late commit with a lower seq still changes the count.
CREATE TABLE network_changes (
  seq bigserial PRIMARY KEY,
  -- No foreign key: deleting a region cascades to its people, whose triggers write here in the
  -- same statement; a key would refuse the region's deletion.
  region_id uuid NOT NULL,
  tx bigint NOT NULL DEFAULT txid_current(),
  UNIQUE (region_id, tx)
);

CREATE FUNCTION network_changed(region uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO network_changes (region_id) SELECT region WHERE region IS NOT NULL
  ON CONFLICT (region_id, tx) DO NOTHING
$$;

-- Triggers rather than calls from every intent: a tie is made of rows that a dozen intents, the
-- region import, retention and erasure write, and a forgotten call would serve a stale network.
CREATE FUNCTION network_touch_by_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN PERFORM network_changed(OLD.region_id);
  ELSE PERFORM network_changed(NEW.region_id);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION network_touch_by_session() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM network_changed((SELECT region_id FROM dialogue_sessions
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END));
  RETURN NULL;
END $$;

CREATE FUNCTION network_touch_by_coalition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM network_changed((SELECT region_id FROM coalitions
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.coalition_id ELSE NEW.coalition_id END));
  RETURN NULL;
END $$;

CREATE FUNCTION network_touch_by_challenge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM network_changed((SELECT region_id FROM challenges
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.challenge_id ELSE NEW.challenge_id END));
  RETURN NULL;
END $$;

-- Registrations: only attendance makes a tie (checked in, not just registered), so a burst of
-- registrations for an event writes nothing here.
CREATE TRIGGER network_registrations_insert AFTER INSERT ON registrations
  FOR EACH ROW WHEN (NEW.checked_in_at IS NOT NULL) EXECUTE FUNCTION network_touch_by_region();
CREATE TRIGGER network_registrations_update AFTER UPDATE ON registrations
  FOR EACH ROW WHEN (OLD.checked_in_at IS DISTINCT FROM NEW.checked_in_at
    OR (NEW.checked_in_at IS NOT NULL AND (OLD.email IS DISTINCT FROM NEW.email
      OR OLD.organisation IS DISTINCT FROM NEW.organisation OR OLD.status IS DISTINCT FROM NEW.status)))
  EXECUTE FUNCTION network_touch_by_region();
CREATE TRIGGER network_registrations_delete AFTER DELETE ON registrations
  FOR EACH ROW WHEN (OLD.checked_in_at IS NOT NULL) EXECUTE FUNCTION network_touch_by_region();

-- Dialogue participants: a tie is a shared group, so joining (no group yet) writes nothing.
CREATE TRIGGER network_participants_update AFTER UPDATE ON dialogue_participants
  FOR EACH ROW WHEN (OLD.group_no IS DISTINCT FROM NEW.group_no
    OR (NEW.group_no IS NOT NULL AND (OLD.display_name IS DISTINCT FROM NEW.display_name
      OR OLD.organisation IS DISTINCT FROM NEW.organisation)))
  EXECUTE FUNCTION network_touch_by_session();
CREATE TRIGGER network_participants_delete AFTER DELETE ON dialogue_participants
  FOR EACH ROW WHEN (OLD.group_no IS NOT NULL) EXECUTE FUNCTION network_touch_by_session();

CREATE TRIGGER network_coalition_members AFTER INSERT OR UPDATE OR DELETE ON coalition_members
  FOR EACH ROW EXECUTE FUNCTION network_touch_by_coalition();
CREATE TRIGGER network_challenge_roles AFTER INSERT OR UPDATE OR DELETE ON challenge_roles
  FOR EACH ROW EXECUTE FUNCTION network_touch_by_challenge();
CREATE TRIGGER network_challenge_links AFTER INSERT OR UPDATE OR DELETE ON challenge_links
  FOR EACH ROW EXECUTE FUNCTION network_touch_by_challenge();

-- Rows whose deletion cascades to the ones above: the cascaded rows can no longer find their
-- parent's region, so the parent says it.
CREATE TRIGGER network_events AFTER UPDATE OF starts_at OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION network_touch_by_region();
CREATE TRIGGER network_dialogue_sessions AFTER DELETE ON dialogue_sessions
  FOR EACH ROW EXECUTE FUNCTION network_touch_by_region();
-- A coalition's occasion is dated by its last change (recency, periods).
CREATE TRIGGER network_coalitions AFTER UPDATE OF updated_at OR DELETE ON coalitions
  FOR EACH ROW EXECUTE FUNCTION network_touch_by_region();
CREATE TRIGGER network_challenges AFTER UPDATE OF title OR DELETE ON challenges
  FOR EACH ROW EXECUTE FUNCTION network_touch_by_region();
CREATE TRIGGER network_actions AFTER INSERT OR UPDATE OF owner_organisation, partners, starts_on OR DELETE ON actions
  FOR EACH ROW EXECUTE FUNCTION network_touch_by_region();
CREATE TRIGGER network_people AFTER INSERT OR UPDATE OR DELETE ON people
  FOR EACH ROW EXECUTE FUNCTION network_touch_by_region();
CREATE TRIGGER network_organisations AFTER INSERT OR UPDATE OR DELETE ON organisations
  FOR EACH ROW EXECUTE FUNCTION network_touch_by_region();
CREATE TRIGGER network_declared_ties AFTER INSERT OR UPDATE OR DELETE ON network_ties
  FOR EACH ROW EXECUTE FUNCTION network_touch_by_region();
