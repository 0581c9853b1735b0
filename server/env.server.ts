import { z } from "zod";

/**
 * The whole configuration, parsed once from the environment. A bad value stops start-up with one
 * sentence naming the variable, instead of failing later in a request.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Lerende Regio <noreply@lerenderegio.local>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SEED_DEMO: z.enum(["true", "false"]).default("true"),
  NODE_ENV: z.string().default("production"),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  BUILD_DIR: z.string().min(1).default("build"),
  REGISTRATIONS_PER_CLIENT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  LIVE_JOINS_PER_CLIENT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  LIVE_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(1).max(1_000_000).default(300),
});

export type Config = z.infer<typeof schema> & { publicUrl: string; secureCookies: boolean };

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as unset, as they do in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(
      `Configuration error: ${name}=${JSON.stringify(cleaned[name] ?? "")} is not valid (${issue.message}).`,
    );
  }
  const c = result.data;
  const publicUrl = c.PUBLIC_URL ?? `http://localhost:${c.PORT}`;
  return { ...c, publicUrl, secureCookies: publicUrl.startsWith("https://") };
}
