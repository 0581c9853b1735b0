import { sql, type RawBuilder } from "kysely";

/**
 * When something last happened for a challenge, as one SQL expression over `c` (challenges):
 * its creation, phase changes, ratings, roles and ambition settings, the links made, and the
 * linked activities' own moments (an event that took place, a session run, an action or
 * coalition or harvest worked on). Editing the description is not activity: the guard asks
 * whether the work goes on, not whether the text was touched.
 */
export const lastActivitySql: RawBuilder<Date> = sql<Date>`GREATEST(
  c.created_at,
  (SELECT max(pc.changed_at) FROM challenge_phase_changes pc WHERE pc.challenge_id = c.id),
  (SELECT max(r.updated_at) FROM challenge_ratings r WHERE r.challenge_id = c.id),
  (SELECT max(ro.created_at) FROM challenge_roles ro WHERE ro.challenge_id = c.id),
  (SELECT max(am.recorded_at) FROM challenge_ambitions am WHERE am.challenge_id = c.id),
  (SELECT max(GREATEST(
      l.created_at,
      CASE WHEN e.starts_at <= now() THEN e.starts_at END,
      s.created_at, s.closed_at, h.updated_at, a.updated_at, co.updated_at))
    FROM challenge_links l
    LEFT JOIN events e ON e.id = l.event_id AND e.status <> 'cancelled'
    LEFT JOIN dialogue_sessions s ON s.id = l.dialogue_session_id
    LEFT JOIN harvests h ON h.id = l.harvest_id
    LEFT JOIN actions a ON a.id = l.action_id
    LEFT JOIN coalitions co ON co.id = l.coalition_id
    WHERE l.challenge_id = c.id)
)`;
