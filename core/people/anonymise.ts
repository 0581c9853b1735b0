import { sql } from "kysely";
import { DEFAULT_LOCALE, translator } from "../../i18n/index.ts";

/**
 * The one rule for erasing a person's record, used when an organiser erases a person and when a
 * person erases their own account: the row stays (so contributions remain counted) but holds
 * nothing that points to them — no name, address, organisation, perspectives or expertise, since
 * in a small organisation even those can identify someone. Pages show the placeholder name in the
 * reader's language; the stored one is for anyone reading the table directly. Their ratings and
 * roles in challenges follow the rule in core/challenges/forgetPeople.ts.
 */
export function anonymisedPerson() {
  return {
    name: translator(DEFAULT_LOCALE)("people.erasedName"),
    email: null,
    organisation_id: null,
    perspectives: [] as string[],
    expertise: [] as string[],
    erased_at: sql<Date>`coalesce(erased_at, now())`,
    updated_at: sql<Date>`now()`,
  };
}
