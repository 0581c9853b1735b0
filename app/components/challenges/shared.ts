import type { ChallengePage } from "../../../core/challenges/queries.ts";
import type { LinkKind } from "../../../core/challenges/schema.ts";
import { isMessageKey, type T } from "../../../i18n/index.ts";
import type { FieldErrors } from "../form.tsx";

/** What a form on the challenge's page needs to show itself again after a refusal. */
export interface FormState {
  /** The intent of the form that was refused, if any. */
  failed: string | null;
  sent: Record<string, string | string[]> | undefined;
  fieldErrors: FieldErrors;
}

/** The errors and sent values for one form, only when it was that form that was refused. */
export function stateFor(state: FormState, intent: string) {
  const mine = state.failed === intent;
  return {
    errors: mine ? state.fieldErrors : undefined,
    value: (name: string) => {
      const v = mine ? state.sent?.[name] : undefined;
      return typeof v === "string" ? v : undefined;
    },
  };
}

export type Found = ChallengePage;

/** A role as the region stores it: a key of the shipped list (translated), or its own name. */
export function roleName(t: T, role: string): string {
  const key = `challenges.role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

/** Where an activity is managed, below /manage/:slug. */
export const ACTIVITY_PATH: Record<LinkKind, string> = {
  event: "events",
  session: "dialogue",
  harvest: "harvest",
  action: "actions",
  coalition: "coalitions",
};

export { phaseLabel } from "../../../core/challenges/texts.ts";

export const LEVELS = ["1", "2", "3", "4", "5"] as const;
