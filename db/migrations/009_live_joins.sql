-- Where a participant joined from, so a facilitator can see many joins from one source in a short
-- time (a script stacking votes, or a room on one Wi-Fi) and remove them. Never the address
-- itself: a keyed hash whose key lives only in the server process's memory (see
-- core/dialogue/joinLimits.ts). The join time is the row's `created_at`.
ALTER TABLE dialogue_participants ADD COLUMN client_fingerprint text
  CHECK (length(client_fingerprint) <= 64);

CREATE INDEX dialogue_participants_source
  ON dialogue_participants(session_id, client_fingerprint, created_at)
  WHERE client_fingerprint IS NOT NULL;
