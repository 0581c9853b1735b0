-- An account's e-mail address counts as the person's own only once a link sent to it was used:
-- until then "my data" export and erasure reach no other region's records by that address (an
-- admin of one region could otherwise invite an address of another region and act as its owner).
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;

CREATE TABLE email_verifications (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- The address the link was sent to: a link proves only that address.
  email text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX email_verifications_user ON email_verifications(user_id, created_at);

-- Mails about a registration are erased with it when the registrant asks to be forgotten.
ALTER TABLE outbox ADD COLUMN registration_id uuid REFERENCES registrations(id) ON DELETE CASCADE;
CREATE INDEX outbox_registration ON outbox(registration_id) WHERE registration_id IS NOT NULL;
