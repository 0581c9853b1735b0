import type { Results } from "./aggregate.ts";
import type { Command } from "./controlSession.ts";
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
export type ClientMessage =
  | { t: "join"; code: string; token: string }
  /**
   * `view: "presenter"` is the wall: it gets results as the room may see them, like participants
   * (no small sectors, no names, no hidden answers); the console gets every figure.
   */
  | { t: "watch"; sessionId: string; view?: "console" | "presenter" }
  /** `k` is the idempotency key: a retry with the same key is acknowledged, never counted twice. */
  | { t: "answer"; q: string; v: unknown; k: string }
  | { t: "control"; command: Command }
  | { t: "hide"; participantId: string; questionId: string; hidden: boolean }
  | { t: "ping" };

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
  | { t: "presence"; n: number }
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
