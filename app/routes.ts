import { index, layout, prefix, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("healthz", "routes/healthz.ts"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.ts"),
  route("language", "routes/language.ts"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password/:token", "routes/reset-password.tsx"),
  route("invitation/:token", "routes/invitation.tsx"),
  route("regions/new", "routes/regions-new.tsx"),

  // Account and privacy
  // (account routes)

  // Public pages of a region: anyone may see these.
  route("r/:slug", "routes/public/region.tsx"),
  route("r/:slug/logo", "routes/public/logo.ts"),

  // Inside a region: members only, scoped by the layout's loader and again by every route.
  ...prefix("manage/:slug", [
    layout("routes/manage/layout.tsx", [
      index("routes/manage/overview.tsx"),
      // (region admin routes)
      // (organisations and people routes)
    ]),
  ]),
] satisfies RouteConfig;
