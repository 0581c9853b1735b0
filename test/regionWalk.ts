import { resolve } from "node:path";
import type { ServerBuild } from "react-router";
import type { Db } from "../core/kernel/scope.ts";
import { hashToken, newToken } from "../core/accounts/tokens.ts";
import { learningRegionTemplate } from "../core/dialogue/templates/learningRegion.ts";
import { registrationToken } from "../core/events/register.ts";
import { SESSION_COOKIE } from "../app/lib/cookies.server.ts";
import { cookieHeader, storeCookies } from "./client.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "./fixtures.ts";

/**
 * What the walks over every route share (app/badInput.test.ts, app/everyPage.test.ts): a seeded
 * region with one of every kind of row a route can name, the build's route table, the paths
 * filled with that region's ids, and a cookie-keeping visitor that sends bytes as they are.
 */
/** A value as it goes on the wire: text (percent-encoded by us) or raw bytes, already encoded. */
export type Value = string | { raw: string };

export const encode = (v: Value) => (typeof v === "string" ? encodeURIComponent(v) : v.raw);
export const encodePairs = (pairs: [string, Value][]) =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encode(v)}`).join("&");

/**
 * A browser stand-in that sends bodies byte for byte (invalid UTF-8 included) and keeps cookies.
 * Once pinned, it stays who it is: an accepted invitation or password reset that signs someone
 * in does not turn the rest of an anonymous walk (or an admin's) into someone else's.
 */
export class Visitor {
  private cookies = new Map<string, string>();
  private pinned: string | null | undefined;
  csrf = "";
  readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  async send(
    method: "GET" | "POST",
    path: string,
    body?: string | FormData,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; type: string; text: string; location: string | null }> {
    const res = await fetch(this.base + path, {
      method,
      body,
      headers: {
        Cookie: cookieHeader(this.cookies),
        ...(method === "POST" ? { Origin: this.base } : {}),
        ...(typeof body === "string"
          ? { "Content-Type": "application/x-www-form-urlencoded" }
          : {}),
        ...headers,
      },
      redirect: "manual",
    });
    storeCookies(this.cookies, res.headers.getSetCookie());
    if (this.pinned === null) this.cookies.delete(SESSION_COOKIE);
    else if (this.pinned !== undefined) this.cookies.set(SESSION_COOKIE, this.pinned);
    const type = res.headers.get("Content-Type") ?? "";
    const text = await res.text();
    if (type.includes("text/html")) {
      const m = /name="_csrf" value="([^"]+)"/.exec(text);
      if (m) this.csrf = m[1]!;
    }
    return { status: res.status, type, text, location: res.headers.get("Location") };
  }

  async signIn(email: string) {
    await this.send("GET", "/login");
    const res = await this.send(
      "POST",
      "/login",
      encodePairs([
        ["_csrf", this.csrf],
        ["email", email],
        ["password", TEST_PASSWORD],
      ]),
    );
    if (res.status !== 302) throw new Error(`sign-in failed with ${res.status}`);
    await this.send("GET", "/");
  }

  /** A cookie as the browser would have it, e.g. the chosen language. */
  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  pinSession() {
    this.pinned = this.cookies.get(SESSION_COOKIE) ?? null;
  }
}

export interface Ids {
  slug: string;
  regionId: string;
  organisation: string;
  person: string;
  invitation: string;
  mail: string;
  user: string;
  dialogue: string;
  joinCode: string;
  question: string;
  template: string;
  event: string;
  eventSlug: string;
  series: string;
  seriesSlug: string;
  registration: string;
  harvest: string;
  harvestSlug: string;
  theme: string;
  contribution: string;
  action: string;
  coalition: string;
  challenge: string;
  challengeSlug: string;
  /** The secrets of the links a mail carries, so that the pages behind them show their forms. */
  tokens: {
    invitation: string;
    reset: string;
    verify: string;
    registration: string;
    share: string;
  };
}

/** One of every kind of row a route can name, published where a public page shows it. */
export async function seedRegion(db: Db, label: string): Promise<Ids> {
  const { region } = await makeScope(db, "admin");
  const regionId = region.id;
  const t = Date.now().toString(36);
  const organisation = await db
    .insertInto("organisations")
    .values({ region_id: regionId, name: `Organisatie ${label}`, sector: "hbo" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const person = await db
    .insertInto("people")
    .values({
      region_id: regionId,
      organisation_id: organisation.id,
      name: `Persoon ${label}`,
      email: `persoon-${label}-${t}@example.org`,
      perspectives: ["work"],
      expertise: ["water"],
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const tokens = {
    invitation: newToken(),
    reset: newToken(),
    verify: newToken(),
    registration: "",
    share: `deel-${label}-${t}`,
  };
  const invitation = await db
    .insertInto("invitations")
    .values({
      region_id: regionId,
      email: `uitgenodigd-${label}-${t}@example.org`,
      role: "member",
      token_hash: hashToken(tokens.invitation),
      expires_at: new Date(Date.now() + 86_400_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const mail = await db
    .insertInto("outbox")
    .values({
      region_id: regionId,
      to_address: `post-${label}@example.org`,
      subject: "Onderwerp",
      body_text: "Tekst",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const colleague = await makeUser(db, { name: `Collega ${label}` });
  const expires = new Date(Date.now() + 3_600_000);
  await db
    .insertInto("password_resets")
    .values({ token_hash: hashToken(tokens.reset), user_id: colleague.id, expires_at: expires })
    .execute();
  await db
    .insertInto("email_verifications")
    .values({
      token_hash: hashToken(tokens.verify),
      user_id: colleague.id,
      email: colleague.email,
      expires_at: expires,
    })
    .execute();
  await db
    .insertInto("memberships")
    .values({ user_id: colleague.id, region_id: regionId, role: "facilitator" })
    .execute();
  const content = JSON.stringify(learningRegionTemplate);
  const question = "ambitions-aim-group";
  const joinCode = `${label}${t}`.toUpperCase().slice(0, 8).padEnd(8, "X");
  const dialogue = await db
    .insertInto("dialogue_sessions")
    .values({
      region_id: regionId,
      title: `Sessie ${label}`,
      content,
      join_code: joinCode,
      current_question_id: question,
      share_token: tokens.share,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const participant = await db
    .insertInto("dialogue_participants")
    .values({
      session_id: dialogue.id,
      device_token_hash: `device-${label}-${t}`,
      display_name: "Deelnemer",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("dialogue_answers")
    .values({
      session_id: dialogue.id,
      question_id: question,
      participant_id: participant.id,
      value: JSON.stringify("Een antwoord"),
      idempotency_key: `k-${label}`,
    })
    .execute();
  const template = await db
    .insertInto("dialogue_templates")
    .values({ region_id: regionId, title: `Sjabloon ${label}`, content })
    .returning("id")
    .executeTakeFirstOrThrow();
  const seriesSlug = `reeks-${label}`;
  const series = await db
    .insertInto("event_series")
    .values({ region_id: regionId, slug: seriesSlug, title: `Reeks ${label}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const starts = new Date(Date.now() + 7 * 86_400_000);
  const eventSlug = `bijeenkomst-${label}`;
  const event = await db
    .insertInto("events")
    .values({
      region_id: regionId,
      series_id: series.id,
      slug: eventSlug,
      kind: "workshop",
      title: `Bijeenkomst ${label}`,
      mode: "on_site",
      address: "Arnhem",
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 3_600_000),
      status: "published",
      capacity: 10,
      questions: JSON.stringify([
        { id: "q1", kind: "text", label: "Vraag", options: [], required: false },
      ]),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const registration = await db
    .insertInto("registrations")
    .values({
      event_id: event.id,
      region_id: regionId,
      email: `aanmelding-${label}@example.org`,
      name: `Aangemeld ${label}`,
      status: "confirmed",
      consent_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  tokens.registration = await registrationToken(db, registration.id);
  const harvestSlug = `oogst-${label}`;
  const harvest = await db
    .insertInto("harvests")
    .values({
      region_id: regionId,
      slug: harvestSlug,
      title: `Oogst ${label}`,
      form_open: true,
      publication_public: true,
      agenda_public: true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const theme = await db
    .insertInto("harvest_themes")
    .values({ harvest_id: harvest.id, label: `Thema ${label}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const contribution = await db
    .insertInto("contributions")
    .values({
      harvest_id: harvest.id,
      region_id: regionId,
      text: `Bijdrage ${label}`,
      origin: "manual",
      theme_id: theme.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const action = await db
    .insertInto("actions")
    .values({ region_id: regionId, harvest_id: harvest.id, title: `Actie ${label}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const coalition = await db
    .insertInto("coalitions")
    .values({ region_id: regionId, title: `Coalitie ${label}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const challengeSlug = `opgave-${label}`;
  const challenge = await db
    .insertInto("challenges")
    .values({
      region_id: regionId,
      slug: challengeSlug,
      title: `Opgave ${label}`,
      why_urgent: "Omdat",
      guiding_question: "Hoe?",
      published: true,
      phase: 2,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("challenge_links")
    .values({ challenge_id: challenge.id, event_id: event.id, phase: 2 })
    .execute();
  await db
    .insertInto("challenge_roles")
    .values({ challenge_id: challenge.id, role: "bridgeBuilder", person_id: person.id })
    .execute();
  return {
    slug: region.slug,
    regionId,
    organisation: organisation.id,
    person: person.id,
    invitation: invitation.id,
    mail: mail.id,
    user: colleague.id,
    dialogue: dialogue.id,
    joinCode,
    question,
    template: template.id,
    event: event.id,
    eventSlug,
    series: series.id,
    seriesSlug,
    registration: registration.id,
    harvest: harvest.id,
    harvestSlug,
    theme: theme.id,
    contribution: contribution.id,
    action: action.id,
    coalition: coalition.id,
    challenge: challenge.id,
    challengeSlug,
    tokens,
  };
}

/** Full paths of the build's routes, e.g. "/manage/:slug/people/:id". */
export async function routePaths(): Promise<string[]> {
  const build = (await import(
    `${resolve(process.env.BUILD_DIR ?? "build")}/server/index.js`
  )) as ServerBuild;
  const full = (id: string | undefined): string => {
    if (!id) return "";
    const r = build.routes[id]!;
    const parent = full(r.parentId);
    return r.path ? `${parent.replace(/\/$/, "")}/${r.path}` : parent;
  };
  return [...new Set(Object.keys(build.routes).map((id) => full(id) || "/"))].sort();
}

/** The real value of a route parameter, by the parameter's name and the segment before it. */
export function realParam(ids: Ids, name: string, segment: string): string {
  const byName: Record<string, string> = {
    slug: ids.slug,
    code: ids.joinCode,
    eventSlug: ids.eventSlug,
    seriesSlug: ids.seriesSlug,
    harvestSlug: ids.harvestSlug,
    challengeSlug: ids.challengeSlug,
    mailId: ids.mail,
    questionId: ids.question,
    themeId: ids.theme,
    contributionId: ids.contribution,
  };
  const bySegment: Record<string, string> = {
    organisations: ids.organisation,
    people: ids.person,
    members: ids.user,
    dialogue: ids.dialogue,
    templates: ids.template,
    events: ids.event,
    harvest: ids.harvest,
    actions: ids.action,
    coalitions: ids.coalition,
    challenges: ids.challenge,
  };
  const byLink: Record<string, string> = {
    invitation: ids.tokens.invitation,
    "reset-password": ids.tokens.reset,
    "verify-email": ids.tokens.verify,
    registration: ids.tokens.registration,
    s: ids.tokens.share,
  };
  if (name === "token" && byLink[segment]) return byLink[segment];
  return byName[name] ?? bySegment[segment] ?? `${name}-AbC_123-${ids.slug}`;
}

export const PARAM = /(?<=\/)(?:([^/]+)\/)?:([A-Za-z]+)\??/g;

export function fillPath(path: string, ids: Ids, swap?: { index: number; value: Value }): string {
  let i = 0;
  return path.replace(PARAM, (_m, segment: string | undefined, name: string) => {
    const value = swap?.index === i++ ? encode(swap.value) : realParam(ids, name, segment ?? "");
    return segment ? `${segment}/${value}` : value;
  });
}

export const paramCount = (path: string) => [...path.matchAll(PARAM)].length;
