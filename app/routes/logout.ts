import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { endSession } from "../../core/accounts/sessions.ts";
import { readCookie, serializeCookie, SESSION_COOKIE } from "../lib/cookies.server.ts";
import { getServices } from "../lib/request.server.ts";

export async function action({ request, context }: Route.ActionArgs) {
  const { db, config } = getServices(context);
  const token = readCookie(request, SESSION_COOKIE);
  if (token) await endSession(db, token);
  return redirect("/login?signedOut=1", {
    headers: {
      "Set-Cookie": serializeCookie(SESSION_COOKIE, "", {
        secure: config.secureCookies,
        maxAgeSeconds: 0,
      }),
    },
  });
}

export function loader() {
  return redirect("/");
}
