import { z } from "zod";
import { storableDeep } from "../kernel/validate.ts";
import type { Results } from "./aggregate.ts";
import { commandSchema } from "./controlSession.ts";
import type { SessionState } from "./session.ts";

/**
 * The live protocol, JSON over one WebSocket at /live/ws. The browser, the tests and the benchmark
 * all speak exactly this.
 *
 * Participant: connect, send `join` with the join code and the device token from joining over
 * HTTP (POST /live/:code sets it as a cookie and puts it in the page). Facilitator and presenter:
 * connect with the signed-in session cookie and send `watch` with the session id.
 * The server answers both with `state` (and `results` when allowed), then pushes changes.
 * After a reconnect the client sends the same first message again and receives a fresh snapshot:
 * nothing needs replaying, because answers are acknowledged only once committed.
 */
export const clientMessageSchema = z.discriminatedUnion("t", [
  z.object({ t: z.literal("join"), code: z.string(), token: z.string() }),
  /**
   * `view: "presenter"` is the wall: it gets results as the room may see them, like participants
   * (no small sectors, no names, no hidden answers); the console gets every figure.
   */
  z.object({
    t: z.literal("watch"),
    sessionId: z.string(),
    view: z.enum(["console", "presenter"]).optional(),
  }),
  /** `k` is the idempotency key: a retry with the same key is acknowledged, never counted twice. */
  z.object({ t: z.literal("answer"), q: z.string(), v: z.unknown(), k: z.string().min(1) }),
  z.object({ t: z.literal("control"), command: commandSchema }),
  z.object({
    t: z.literal("hide"),
    participantId: z.string(),
    questionId: z.string(),
    hidden: z.boolean(),
  }),
  z.object({ t: z.literal("ping") }),
]);

export type ClientMessage = z.output<typeof clientMessageSchema>;

/**
 * A message off the socket as the hub may act on it, or null for anything else (not JSON, not one
 * of ours, a field missing or of the wrong type): the gateway answers that with an error instead
 * of handing the hub a shape it was never promised. What a message means (a code that exists, an
 * answer that fits its question) is still the hub's to check.
 */
export function parseClientMessage(raw: string): ClientMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = clientMessageSchema.safeParse(json);
  if (!parsed.success) return null;
  // A join code, an id or an idempotency key with a NUL or half a surrogate pair would reach a
  // query as text the database refuses; an answer's own text gets its message from checkAnswer.
  const { v: _answer, ...rest } = parsed.data as { v?: unknown };
  return storableDeep(rest) ? parsed.data : null;
}

export interface ParticipantInfo {
  id: string;
  groupNo: number | null;
  isScribe: boolean;
}

export type ServerMessage =
  | {
      t: "state";
      state: SessionState;
      you?: ParticipantInfo;
      myAnswer?: unknown;
      presence: number;
      /** The server's clock (ms), so a phone whose clock is off still counts the timer down right. */
      now: number;
    }
  | { t: "ack"; k: string; ok: true }
  | { t: "ack"; k: string; ok: false; error: string }
  /**
   * Sent to watchers always, to participants only while results are shown. `seq` only rises.
   * Participants and the presenter get `forRoom(results)`; the console gets every sector.
   */
  | { t: "results"; seq: number; results: Results; open?: OpenAnswer[] }
  /** `n` sockets of participants; `roster` rises whenever someone joins or is removed, socket or not. */
  | { t: "presence"; n: number; roster?: number }
  | { t: "error"; error: string }
  | { t: "pong" };

/** An open answer as the facilitator sees it (participants see only visible ones, without ids). */
export interface OpenAnswer {
  participantId?: string;
  text: string;
  hidden?: boolean;
  theme?: string | null;
  name?: string | null;
}
