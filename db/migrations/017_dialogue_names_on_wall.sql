-- The wall screen (presenter) shows open answers without names unless the facilitator turns them
-- on for the session: the join page promises that only the facilitator sees who answered.
ALTER TABLE dialogue_sessions ADD COLUMN names_on_wall boolean NOT NULL DEFAULT false;
