import { addressLimit } from "../kernel/addressLimit.ts";

export const RESPONSE_LIMIT = { points: 60, seconds: 10 * 60 } as const;

/**
 * Responses per client address: a class or a team filling in the scan together sits behind one
 * school's or office's address, so the allowance is a room's, not a person's; a script still
 * meets it soon.
 */
export const createResponseLimit = () => addressLimit(RESPONSE_LIMIT);
