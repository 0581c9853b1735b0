-- Export and erasure look a person up by e-mail address across all regions; without these
-- indexes each request would read every people, invitation and outbox row of the platform.
CREATE INDEX people_email ON people(email) WHERE email IS NOT NULL;
CREATE INDEX invitations_email ON invitations(email);
CREATE INDEX outbox_to_address ON outbox(to_address);
