-- Issue 15, point 16: a coalition's lead and members, an action's lead ("trekker") and partners
-- may name a person or organisation of the region's register instead of only a text. The text
-- stays as the display name (an outsider has only that; a deleted person or organisation leaves
-- it standing), the link is what the person's and organisation's pages, a merge, an erasure, a
-- data export and the network follow.

ALTER TABLE coalitions
  ADD COLUMN lead_person_id uuid REFERENCES people(id) ON DELETE SET NULL,
  ADD COLUMN lead_organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL;
CREATE INDEX coalitions_lead_person ON coalitions(lead_person_id) WHERE lead_person_id IS NOT NULL;
CREATE INDEX coalitions_lead_organisation ON coalitions(lead_organisation_id)
  WHERE lead_organisation_id IS NOT NULL;

ALTER TABLE coalition_members
  ADD COLUMN person_id uuid REFERENCES people(id) ON DELETE SET NULL,
  ADD COLUMN organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL;
CREATE INDEX coalition_members_person ON coalition_members(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX coalition_members_organisation ON coalition_members(organisation_id)
  WHERE organisation_id IS NOT NULL;

ALTER TABLE actions
  ADD COLUMN owner_organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL;
CREATE INDEX actions_owner_organisation ON actions(owner_organisation_id)
  WHERE owner_organisation_id IS NOT NULL;

-- The partners of an action that the register knows; `actions.partners` stays the text as typed.
-- Written together with that text, one row per linked name.
CREATE TABLE action_partners (
  action_id uuid NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  person_id uuid REFERENCES people(id) ON DELETE SET NULL,
  CHECK (num_nonnulls(organisation_id, person_id) <= 1)
);
CREATE INDEX action_partners_action ON action_partners(action_id);
CREATE INDEX action_partners_organisation ON action_partners(organisation_id)
  WHERE organisation_id IS NOT NULL;
CREATE INDEX action_partners_person ON action_partners(person_id) WHERE person_id IS NOT NULL;

-- The network reads these links; a change to them is a change to the network.
CREATE FUNCTION network_touch_by_action() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM network_changed((SELECT region_id FROM actions
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.action_id ELSE NEW.action_id END));
  RETURN NULL;
END $$;
CREATE TRIGGER network_action_partners AFTER INSERT OR UPDATE OR DELETE ON action_partners
  FOR EACH ROW EXECUTE FUNCTION network_touch_by_action();
CREATE TRIGGER network_action_owner AFTER UPDATE OF owner_organisation_id ON actions
  FOR EACH ROW EXECUTE FUNCTION network_touch_by_region();
