import { useCallback, useEffect, useRef, useState } from "react";
import type { Results } from "../../core/dialogue/aggregate.ts";
import type { Command } from "../../core/dialogue/controlSession.ts";
import type {
  ClientMessage,
  OpenAnswer,
  ParticipantInfo,
  ServerMessage,
} from "../../core/dialogue/protocol.ts";
import type { SessionState } from "../../core/dialogue/session.ts";

/**
 * "offline": JavaScript runs but no connection was ever made (a proxy that blocks WebSockets, say):
 * the page keeps working through its plain forms. "reconnecting": the connection dropped; answers
 * wait and go out with their idempotency key as soon as it is back.
 */
export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline" | "ended";

export interface LiveResults {
  results: Results;
  open?: OpenAnswer[];
}

export interface LiveView {
  status: LiveStatus;
  state: SessionState;
  presence: number | null;
  /** Changes whenever the roster changed on the server (joins over plain HTTP included). */
  roster: number | null;
  results: LiveResults | null;
  you: ParticipantInfo | null;
  myAnswer: unknown;
  /** The server's clock minus ours, for countdowns on a phone whose clock is off. */
  clockOffset: number;
  error: string | null;
}

export type AnswerOutcome = { ok: true } | { ok: false; error: string };

interface Pending {
  q: string;
  v: unknown;
  k: string;
  resolve: (outcome: AnswerOutcome) => void;
}

/** Works in insecure contexts too (a phone on the venue's Wi-Fi at http://10.0.0.5): no randomUUID. */
export function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const RETRY_AFTER_MS = 1000;

/**
 * One WebSocket to /live/ws that follows a session: it sends `hello` (join or watch) on every
 * (re)connect, takes each `state` as a fresh snapshot, and resends an unacknowledged answer with
 * the same key until the server acknowledges it, so an answer is never lost or counted twice.
 */
export function useLive(
  hello: ClientMessage | null,
  initial: { state: SessionState; myAnswer?: unknown },
) {
  const [view, setView] = useState<LiveView>({
    status: "connecting",
    state: initial.state,
    presence: null,
    roster: null,
    results: null,
    you: null,
    myAnswer: initial.myAnswer,
    clockOffset: 0,
    error: null,
  });
  const socket = useRef<WebSocket | null>(null);
  const pending = useRef<Pending | null>(null);
  const helloJson = hello ? JSON.stringify(hello) : null;

  const send = useCallback((message: ClientMessage): boolean => {
    const ws = socket.current;
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(message));
    return true;
  }, []);

  useEffect(() => {
    if (!helloJson) return;
    let stopped = false;
    let attempt = 0;
    let everOpen = false;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const resend = () => {
      const p = pending.current;
      if (p) send({ t: "answer", q: p.q, v: p.v, k: p.k });
    };

    const onMessage = (m: ServerMessage) => {
      switch (m.t) {
        case "state": {
          const p = pending.current;
          if (p && (p.q !== m.state.question.id || !m.state.answeringOpen)) {
            // The question moved on while the answer waited: it can no longer be stored.
            pending.current = null;
            p.resolve({ ok: false, error: "dialogue.questionClosed" });
          }
          setView((v) => ({
            ...v,
            status: m.state.status === "closed" ? "ended" : "live",
            state: m.state,
            presence: m.presence,
            you: m.you ?? v.you,
            myAnswer:
              m.state.question.id !== v.state.question.id || m.myAnswer !== undefined
                ? m.myAnswer
                : v.myAnswer,
            // A new snapshot starts a new run of results; the old ones may be of another question.
            results: m.state.question.id === v.state.question.id ? v.results : null,
            clockOffset: m.now - Date.now(),
            error: null,
          }));
          resend();
          return;
        }
        case "ack": {
          const p = pending.current;
          if (!p || p.k !== m.k) return;
          if (!m.ok && m.error === "dialogue.retry") {
            retry = setTimeout(resend, RETRY_AFTER_MS);
            return;
          }
          pending.current = null;
          if (m.ok) setView((v) => ({ ...v, myAnswer: p.v }));
          p.resolve(m.ok ? { ok: true } : { ok: false, error: m.error });
          return;
        }
        case "results":
          setView((v) =>
            m.results.questionId === v.state.question.id
              ? { ...v, results: { results: m.results, open: m.open } }
              : v,
          );
          return;
        case "presence":
          setView((v) => ({ ...v, presence: m.n, roster: m.roster ?? v.roster }));
          return;
        case "error":
          if (
            m.error === "dialogue.unknownCode" ||
            m.error === "errors.notFound" ||
            m.error === "dialogue.removed"
          ) {
            // The session ended, is not ours, or the facilitator removed us: reconnecting would not help.
            stopped = true;
            socket.current?.close();
            setView((v) => ({ ...v, status: "ended", error: m.error }));
          } else setView((v) => ({ ...v, error: m.error }));
          return;
        case "pong":
          return;
      }
    };

    const connect = () => {
      if (stopped) return;
      const ws = new WebSocket(
        `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/live/ws`,
      );
      socket.current = ws;
      ws.onopen = () => {
        attempt = 0;
        everOpen = true;
        ws.send(helloJson);
      };
      ws.onmessage = (e) => {
        try {
          onMessage(JSON.parse(String(e.data)) as ServerMessage);
        } catch {
          // A message we cannot read changes nothing; the next snapshot brings us in step.
        }
      };
      ws.onclose = () => {
        if (stopped) return;
        setView((v) =>
          v.status === "ended" ? v : { ...v, status: everOpen ? "reconnecting" : "offline" },
        );
        // Backoff with jitter, so a room full of phones does not come back in the same millisecond.
        const delay = Math.min(8000, 300 * 2 ** attempt) * (0.5 + Math.random());
        attempt++;
        retry = setTimeout(connect, delay);
      };
    };

    const reconnectNow = () => {
      const ws = socket.current;
      if (stopped || (ws && ws.readyState <= WebSocket.OPEN)) return;
      clearTimeout(retry);
      attempt = 0;
      connect();
    };

    connect();
    window.addEventListener("online", reconnectNow);
    document.addEventListener("visibilitychange", reconnectNow);
    return () => {
      stopped = true;
      clearTimeout(retry);
      window.removeEventListener("online", reconnectNow);
      document.removeEventListener("visibilitychange", reconnectNow);
      socket.current?.close();
      socket.current = null;
    };
  }, [helloJson, send]);

  /** Resolves once the server committed the answer, or refused it; waits through reconnects. */
  const answer = useCallback(
    (q: string, v: unknown): Promise<AnswerOutcome> =>
      new Promise((resolve) => {
        pending.current?.resolve({ ok: false, error: "dialogue.superseded" });
        pending.current = { q, v, k: newKey(), resolve };
        send({ t: "answer", q, v, k: pending.current.k });
      }),
    [send],
  );

  const control = useCallback((command: Command) => send({ t: "control", command }), [send]);

  const hide = useCallback(
    (participantId: string, questionId: string, hidden: boolean) =>
      send({ t: "hide", participantId, questionId, hidden }),
    [send],
  );

  return { ...view, answer, control, hide };
}

/** Seconds left on the facilitator's timer, ticking each second; null when no timer runs. */
export function useCountdown(endsAt: string | null, clockOffset: number): number | null {
  // Null until the first tick, so the server's render and the first client render agree.
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (endsAt === null) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [endsAt]);
  if (endsAt === null || now === null) return null;
  return Math.max(0, Math.ceil((Date.parse(endsAt) - (now + clockOffset)) / 1000));
}
