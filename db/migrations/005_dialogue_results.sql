-- Results of dialogue sessions kept for the region's retention period, then anonymised.
-- `anonymised_at` records when a session's participants lost their names, organisations and
-- device tokens; their answers and sectors stay, so the figures remain right.
ALTER TABLE dialogue_sessions ADD COLUMN anonymised_at timestamptz;

-- The periodic job looks only at sessions not yet anonymised.
CREATE INDEX dialogue_sessions_to_anonymise ON dialogue_sessions(region_id)
  WHERE anonymised_at IS NULL;
