import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Db } from "../../db/client.ts";
import { may, type RegionScope, type Role } from "../kernel/scope.ts";
import { aggregateWithSectors, forRoom, type AnswerRow } from "./aggregate.ts";
import { checkAnswer } from "./answerValue.ts";
import { controlSession } from "./controlSession.ts";
import { hideAnswer } from "./hideAnswer.ts";
import { JoinAllowance, type JoinSource } from "./joinLimits.ts";
import { normaliseJoinCode } from "./joinCode.ts";
import {
  answersOf,
  findSessionById,
  findWatchedSession,
  participantGroups,
} from "./liveQueries.ts";
import { dialoguePolicy } from "./policy.ts";
import type { ClientMessage, OpenAnswer, ServerMessage } from "./protocol.ts";
import { findParticipant, findSessionByCode, type Participant } from "./publicQueries.ts";
import { saveAnswers, type Submission } from "./saveAnswers.ts";
import { stateOf, type SessionRow } from "./session.ts";

export interface LiveConnection {
  send(message: ServerMessage): void;
  close(): void;
}

/** Who is on the other end of a connection, as far as the gateway could tell from the upgrade request. */
export interface ConnectionAuth {
  userId: string | null;
  clientAddress: string;
}

interface Client {
  conn: LiveConnection;
  auth: ConnectionAuth;
  session?: LiveSession;
  participant?: Participant;
  watcher?: boolean;
  /** A watcher showing the wall: it sees the results as the room does. */
  presenter?: boolean;
}

interface LiveSession {
  row: SessionRow;
  participants: Set<Client>;
  watchers: Set<Client>;
  sectors: Map<string, string | null>;
  names: Map<string, string | null>;
  /** Each participant's group: a group question's answer belongs to the group, not its scribe. */
  groups: Map<string, number | null>;
  /** Rises whenever someone joins or leaves the roster, also over plain HTTP (no socket). */
  roster: number;
  /** The current question's answers by participant, kept in step with what was committed. */
  answers: Map<string, AnswerRow & { theme: string | null }>;
  questionId: string;
  seq: number;
  dirty: boolean;
  timer: NodeJS.Timeout | null;
  /** When the last coalesced results went out (performance.now()). */
  lastResultsAt: number;
  /** Fires when the facilitator's countdown runs out, to tell every screen that answering closed. */
  countdown: NodeJS.Timeout | null;
  loading: Promise<void> | null;
}

export interface LiveHubOptions {
  /** Answers arriving within this window are committed together (group commit). */
  batchMs?: number;
  /** Aggregate updates are coalesced within this window: one message per window, not per answer. */
  resultsMs?: number;
  /** Participants one client source may add to one session per minute (LIVE_JOINS_PER_CLIENT_PER_MINUTE). */
  joinsPerClientPerMinute?: number;
  log?: { warn(obj: object, msg?: string): void };
}

/**
 * One per process: holds the open sessions that have connections, commits answers in batches,
 * acknowledges each only after its batch committed, and pushes coalesced results to facilitators
 * (and to participants while the facilitator shows them).
 */
export class LiveHub {
  private db: Db;
  private sessions = new Map<string, LiveSession>();
  private queue: {
    submission: Submission;
    done: (r: { ok: true } | { ok: false; error: string }) => void;
  }[] = [];
  private flushing: Promise<void> | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private batchMs: number;
  private resultsMs: number;
  private log: LiveHubOptions["log"];
  /** Ten answers a second per device is more than any person types; a script gets refused. */
  private answerLimiter = new RateLimiterMemory({ points: 10, duration: 1 });
  /** Failed join attempts per client address: join codes cannot be enumerated. */
  private joinLimiter = new RateLimiterMemory({ points: 20, duration: 60 });
  /** Successful joins per client source and session, and the fingerprint stored with each. */
  private joinAllowance: JoinAllowance;

  constructor(db: Db, opts: LiveHubOptions = {}) {
    this.db = db;
    this.batchMs = opts.batchMs ?? 4;
    this.resultsMs = opts.resultsMs ?? 20;
    this.log = opts.log;
    this.joinAllowance = new JoinAllowance(opts.joinsPerClientPerMinute ?? 120);
  }

  async handle(client: Client, message: ClientMessage): Promise<void> {
    switch (message.t) {
      case "ping":
        return client.conn.send({ t: "pong" });
      case "join":
        return this.join(client, message.code, message.token);
      case "watch":
        return this.watch(client, message.sessionId, message.view === "presenter");
      case "answer":
        return this.answer(client, message.q, message.v, message.k);
      case "control":
        return this.control(client, message.command);
      case "hide":
        return this.hide(client, message.participantId, message.questionId, message.hidden);
    }
  }

  /**
   * Failed joins per client address, shared by the WebSocket and the join page, so guessing codes
   * gets one allowance whichever way it comes in.
   */
  async joinBlocked(clientAddress: string): Promise<boolean> {
    const record = await this.joinLimiter.get(clientAddress);
    return record !== null && record.remainingPoints <= 0;
  }

  async joinFailed(clientAddress: string): Promise<void> {
    await this.joinLimiter.consume(clientAddress).catch(() => undefined);
  }

  /** For joinSession: this client's allowance of new participants, and its fingerprint. */
  joinSource(clientAddress: string): JoinSource {
    return this.joinAllowance.source(clientAddress);
  }

  /**
   * Called after the facilitator removed participants over HTTP (their answers went with them):
   * their devices are told and let go, and everyone watching gets the results without them.
   */
  participantsRemoved(sessionId: string, participantIds: readonly string[]): void {
    const s = this.sessions.get(sessionId);
    if (!s || participantIds.length === 0) return;
    const gone = new Set(participantIds);
    for (const id of gone) {
      s.answers.delete(id);
      s.sectors.delete(id);
      s.names.delete(id);
      s.groups.delete(id);
    }
    s.roster++;
    for (const c of [...s.participants]) {
      if (!c.participant || !gone.has(c.participant.id)) continue;
      s.participants.delete(c);
      c.session = undefined;
      c.participant = undefined;
      c.conn.send({ t: "error", error: "dialogue.removed" });
      c.conn.close();
    }
    this.broadcastPresence(s);
    this.markDirty(s);
  }

  /**
   * Called after a participant joined over HTTP (every join does, with or without JavaScript):
   * the consoles watching hear of it, so a phone without a socket shows up in the count too.
   */
  participantJoined(sessionId: string, participant: Participant): void {
    const s = this.sessions.get(sessionId);
    if (!s) return;
    this.remember(s, participant);
    s.roster++;
    this.broadcastPresence(s);
  }

  private remember(s: LiveSession, p: Participant): void {
    s.sectors.set(p.id, p.sector);
    s.names.set(p.id, p.displayName);
    s.groups.set(p.id, p.groupNo);
  }

  connect(conn: LiveConnection, auth: ConnectionAuth): Client {
    return { conn, auth };
  }

  disconnect(client: Client): void {
    const s = client.session;
    if (!s) return;
    s.participants.delete(client);
    s.watchers.delete(client);
    this.broadcastPresence(s);
    if (s.participants.size === 0 && s.watchers.size === 0) {
      if (s.timer) clearTimeout(s.timer);
      if (s.countdown) clearTimeout(s.countdown);
      this.sessions.delete(s.row.id);
    }
  }

  /** Called by HTTP actions (no-JS participants, console forms) after they changed a session. */
  async refresh(sessionId: string): Promise<void> {
    const s = this.sessions.get(sessionId);
    if (!s) return;
    const row = await findSessionById(this.db, sessionId);
    if (row) await this.applyRow(s, row);
  }

  /**
   * Called after answers were hidden or put into themes over HTTP: re-reads the current question's
   * answers and pushes fresh results. Moderation comes from the database; an answer committed
   * while this read ran is already newer in the hub and stays.
   */
  async reloadAnswers(sessionId: string): Promise<void> {
    const s = this.sessions.get(sessionId);
    if (!s) return;
    const questionId = s.questionId;
    const rows = await answersOf(this.db, sessionId, questionId);
    if (s.questionId !== questionId) return;
    for (const r of rows) {
      const cached = s.answers.get(r.participant_id);
      if (cached) Object.assign(cached, { hidden: r.hidden, theme: r.theme_label });
      else
        s.answers.set(r.participant_id, {
          value: r.value,
          sector: r.sector,
          groupNo: r.group_no,
          hidden: r.hidden,
          theme: r.theme_label,
        });
    }
    this.markDirty(s);
  }

  private async loadSession(row: SessionRow): Promise<LiveSession> {
    let s = this.sessions.get(row.id);
    if (!s) {
      s = {
        row,
        participants: new Set(),
        watchers: new Set(),
        sectors: new Map(),
        names: new Map(),
        groups: new Map(),
        roster: 0,
        answers: new Map(),
        questionId: "",
        seq: 0,
        dirty: false,
        timer: null,
        lastResultsAt: 0,
        countdown: null,
        loading: null,
      };
      this.sessions.set(row.id, s);
      this.scheduleCountdown(s);
      s.loading = this.loadAnswers(s, stateOf(row).question.id);
    }
    await s.loading;
    return s;
  }

  private async loadAnswers(s: LiveSession, questionId: string): Promise<void> {
    const rows = await answersOf(this.db, s.row.id, questionId);
    s.questionId = questionId;
    s.answers = new Map(
      rows.map((r) => [
        r.participant_id,
        {
          value: r.value,
          sector: r.sector,
          groupNo: r.group_no,
          hidden: r.hidden,
          theme: r.theme_label,
        },
      ]),
    );
    for (const r of rows) {
      s.sectors.set(r.participant_id, r.sector);
      s.names.set(r.participant_id, r.display_name);
      s.groups.set(r.participant_id, r.group_no);
    }
    s.dirty = true;
  }

  private async join(client: Client, code: string, token: string): Promise<void> {
    // Only failed attempts count: a whole room behind one school's address joins freely, while
    // guessing codes from one address stops after a handful of misses.
    if (await this.joinBlocked(client.auth.clientAddress))
      return client.conn.send({ t: "error", error: "dialogue.tooManyAttempts" });
    const normal = normaliseJoinCode(code);
    // An ended session too: its phones get its closing state (and learn of a reopen), not "unknown".
    const row = normal ? await findSessionByCode(this.db, normal) : null;
    const participant =
      row && typeof token === "string" ? await findParticipant(this.db, row.id, token) : null;
    if (!row || !participant) {
      await this.joinFailed(client.auth.clientAddress);
      return client.conn.send({ t: "error", error: "dialogue.unknownCode" });
    }
    const s = await this.loadSession(row);
    client.session = s;
    client.participant = participant;
    s.participants.add(client);
    this.remember(s, participant);
    this.sendState(s, client);
    if (s.row.resultsVisible) this.sendResults(s, [client]);
    this.broadcastPresence(s);
  }

  /**
   * The scope of a signed-in socket in the session's region, when its role may `needed` there:
   * one scoped lookup, asked again for every command, so a role taken away stops the next one.
   * Another region's session and one that does not exist both give null.
   */
  private async watcherScope(
    client: Client,
    sessionId: string,
    needed: Role,
  ): Promise<{ scope: RegionScope; session: SessionRow } | null> {
    if (!client.auth.userId) return null;
    const found = await findWatchedSession(this.db, client.auth.userId, sessionId);
    return found && may(found.scope, needed) ? found : null;
  }

  private async watch(client: Client, sessionId: string, presenter = false): Promise<void> {
    const found = await this.watcherScope(client, sessionId, dialoguePolicy.watchSession);
    // Another region's session and a session that does not exist look the same.
    if (!found) return client.conn.send({ t: "error", error: "errors.notFound" });
    const s = await this.loadSession(found.session);
    client.session = s;
    client.watcher = true;
    client.presenter = presenter;
    s.watchers.add(client);
    this.sendState(s, client);
    this.sendResults(s, [client]);
  }

  private async answer(
    client: Client,
    questionId: string,
    value: unknown,
    key: string,
  ): Promise<void> {
    if (typeof key !== "string" || key.length === 0 || key.length > 100)
      return client.conn.send({ t: "error", error: "errors.badRequest" });
    if (!client.session || !client.participant)
      return client.conn.send({ t: "ack", k: key, ok: false, error: "dialogue.notJoined" });
    const result = await this.submit(
      client.session.row.id,
      client.participant,
      questionId,
      value,
      key,
    );
    client.conn.send(
      result.ok
        ? { t: "ack", k: key, ok: true }
        : { t: "ack", k: key, ok: false, error: result.error },
    );
  }

  /**
   * Checks and commits one answer; resolves once it is committed (or refused). WebSocket clients
   * and plain form posts (participants without JavaScript) both come through here.
   */
  async submit(
    sessionId: string,
    participant: Participant,
    questionId: string,
    value: unknown,
    key: string,
  ): Promise<{ ok: true } | { ok: false; error: string }> {
    try {
      await this.answerLimiter.consume(participant.id);
    } catch {
      return { ok: false, error: "dialogue.tooFast" };
    }
    const live = this.sessions.get(sessionId);
    // A phone without JavaScript answers over HTTP and never joined the hub: its answer carries
    // its name and group all the same.
    if (live) this.remember(live, participant);
    const row = live?.row ?? (await findSessionById(this.db, sessionId));
    if (!row) return { ok: false, error: "dialogue.unknownCode" };
    const state = stateOf(row);
    if (state.question.id !== questionId || !state.answeringOpen)
      return { ok: false, error: "dialogue.questionClosed" };
    if (
      state.question.audience === "group" &&
      participant.groupNo !== null &&
      !participant.isScribe
    )
      return { ok: false, error: "dialogue.scribeOnly" };
    const checked = checkAnswer(state.question, value);
    if (!checked.ok) return { ok: false, error: checked.error };
    return new Promise((resolve) => {
      this.queue.push({
        submission: {
          sessionId,
          questionId,
          participantId: participant.id,
          value: checked.value,
          key,
        },
        done: resolve,
      });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.flushing) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, this.batchMs);
  }

  /** One batch in flight at a time; what arrives meanwhile forms the next batch. */
  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, 2000);
    if (batch.length === 0) return;
    this.flushing = (async () => {
      try {
        const results = await saveAnswers(
          this.db,
          batch.map((b) => b.submission),
        );
        results.forEach((r, i) => {
          const { submission, done } = batch[i]!;
          if (r.ok) {
            const s = this.sessions.get(submission.sessionId);
            if (s && s.questionId === submission.questionId) {
              const previous = s.answers.get(submission.participantId);
              s.answers.set(submission.participantId, {
                value: submission.value,
                sector: s.sectors.get(submission.participantId) ?? null,
                groupNo: s.groups.get(submission.participantId) ?? null,
                hidden: previous?.hidden ?? false,
                theme: previous?.theme ?? null,
              });
              this.markDirty(s);
            }
            done({ ok: true });
          } else {
            done({ ok: false, error: r.error });
          }
        });
      } catch (err) {
        // Not committed, so not acknowledged: the client keeps the answer and retries it.
        this.log?.warn(
          { err: err instanceof Error ? err.message : String(err), batch: batch.length },
          "answer batch failed",
        );
        for (const { done } of batch) done({ ok: false, error: "dialogue.retry" });
      }
    })();
    await this.flushing;
    this.flushing = null;
    if (this.queue.length > 0) this.scheduleFlush();
  }

  /**
   * At most one results message per window, sent at the start of a window rather than its end:
   * the first answer after a quiet spell shows at once, a stream of answers shows every window.
   */
  private markDirty(s: LiveSession): void {
    s.dirty = true;
    if (s.timer) return;
    const wait = Math.max(0, s.lastResultsAt + this.resultsMs - performance.now());
    s.timer = setTimeout(() => {
      s.timer = null;
      if (!s.dirty) return;
      s.dirty = false;
      s.lastResultsAt = performance.now();
      this.sendResults(s, [...s.watchers, ...(s.row.resultsVisible ? s.participants : [])]);
    }, wait);
  }

  private sendResults(s: LiveSession, to: Iterable<Client>): void {
    const state = stateOf(s.row);
    const question = state.question;
    const rows = [...s.answers.values()];
    const results = aggregateWithSectors(question, rows, s.row.language);
    s.seq++;
    let forWatchers: ServerMessage = { t: "results", seq: s.seq, results };
    // The room (phones and wall) never sees a sector too small to hide who answered.
    let forParticipants: ServerMessage = { t: "results", seq: s.seq, results: forRoom(results) };
    let forWall = forParticipants;
    if (question.kind === "open") {
      const open: OpenAnswer[] = [...s.answers].map(([id, a]) => ({
        participantId: id,
        text: String(a.value),
        hidden: a.hidden,
        theme: a.theme,
        name: s.names.get(id) ?? null,
      }));
      forWatchers = { ...forWatchers, open };
      forParticipants = {
        ...forParticipants,
        open: open.filter((a) => !a.hidden).map((a) => ({ text: a.text, theme: a.theme })),
      };
      // The wall is in the room too: names only when the facilitator turned them on.
      forWall = s.row.namesOnWall
        ? {
            ...forParticipants,
            open: open
              .filter((a) => !a.hidden)
              .map((a) => ({ text: a.text, theme: a.theme, name: a.name })),
          }
        : forParticipants;
    }
    for (const c of to)
      c.conn.send(c.presenter ? forWall : c.watcher ? forWatchers : forParticipants);
  }

  /** Participants whose device is connected right now, for the facilitator's list of who is here. */
  connectedParticipants(sessionId: string): Set<string> {
    const s = this.sessions.get(sessionId);
    return new Set(
      s ? [...s.participants].flatMap((c) => (c.participant ? [c.participant.id] : [])) : [],
    );
  }

  private scheduleCountdown(s: LiveSession): void {
    if (s.countdown) clearTimeout(s.countdown);
    s.countdown = null;
    const endsAt = s.row.timerEndsAt?.getTime();
    if (!endsAt || !s.row.answeringOpen) return;
    const wait = endsAt - Date.now();
    if (wait < 0) return;
    s.countdown = setTimeout(() => {
      s.countdown = null;
      for (const c of [...s.participants, ...s.watchers]) this.sendState(s, c);
    }, wait + 5);
  }

  private sendState(s: LiveSession, client: Client): void {
    const state = stateOf(s.row);
    const p = client.participant;
    client.conn.send({
      t: "state",
      state,
      presence: s.participants.size,
      now: Date.now(),
      ...(p
        ? {
            you: { id: p.id, groupNo: p.groupNo, isScribe: p.isScribe },
            myAnswer: s.questionId === state.question.id ? s.answers.get(p.id)?.value : undefined,
          }
        : {}),
    });
  }

  private broadcastPresence(s: LiveSession): void {
    for (const c of s.watchers)
      c.conn.send({ t: "presence", n: s.participants.size, roster: s.roster });
  }

  private async applyRow(s: LiveSession, row: SessionRow): Promise<void> {
    const questionChanged = stateOf(row).question.id !== s.questionId;
    const versionChanged = row.version !== s.row.version;
    s.row = row;
    this.scheduleCountdown(s);
    if (questionChanged) await this.loadAnswers(s, stateOf(row).question.id);
    // Group assignment may have changed with the version: participants re-read theirs.
    if (versionChanged) await this.reloadParticipants(s);
    for (const c of [...s.participants, ...s.watchers]) this.sendState(s, c);
    this.sendResults(s, [...s.watchers, ...(row.resultsVisible ? s.participants : [])]);
  }

  private async reloadParticipants(s: LiveSession): Promise<void> {
    const rows = await participantGroups(this.db, s.row.id);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows) s.groups.set(r.id, r.group_no);
    for (const [id, a] of s.answers) a.groupNo = s.groups.get(id) ?? null;
    for (const c of s.participants) {
      const r = c.participant && byId.get(c.participant.id);
      if (r && c.participant)
        c.participant = { ...c.participant, groupNo: r.group_no, isScribe: r.is_scribe };
    }
  }

  private async control(client: Client, command: unknown): Promise<void> {
    const s = client.session;
    if (!s || !client.watcher) return client.conn.send({ t: "error", error: "errors.forbidden" });
    const found = await this.watcherScope(client, s.row.id, dialoguePolicy.controlSession);
    if (!found) return client.conn.send({ t: "error", error: "errors.forbidden" });
    const result = await controlSession(found.scope, s.row.id, command);
    if (!result.ok) return client.conn.send({ t: "error", error: result.error.key });
    const row = await findSessionById(this.db, s.row.id);
    if (row) await this.applyRow(s, row);
  }

  private async hide(
    client: Client,
    participantId: string,
    questionId: string,
    hidden: boolean,
  ): Promise<void> {
    const s = client.session;
    if (!s || !client.watcher) return client.conn.send({ t: "error", error: "errors.forbidden" });
    const found = await this.watcherScope(client, s.row.id, dialoguePolicy.moderateAnswers);
    if (!found) return client.conn.send({ t: "error", error: "errors.forbidden" });
    const result = await hideAnswer(found.scope, s.row.id, questionId, {
      participantId,
      hidden: hidden === true,
    });
    if (!result.ok) return client.conn.send({ t: "error", error: result.error.key });
    const a = s.answers.get(participantId);
    if (a && s.questionId === questionId) {
      a.hidden = result.value.hidden;
      this.markDirty(s);
    }
  }

  async close(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.flush();
    await this.flushing;
    for (const s of this.sessions.values()) {
      if (s.timer) clearTimeout(s.timer);
      if (s.countdown) clearTimeout(s.countdown);
      for (const c of [...s.participants, ...s.watchers]) c.conn.close();
    }
    this.sessions.clear();
  }
}

export type { Client as LiveClient };
