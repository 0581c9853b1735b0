import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword } from "../../core/accounts/password.ts";
import { makePlatformAdmin } from "../../core/accounts/platformAdmin.ts";
import { newPassword } from "../../core/accounts/passwordPolicy.ts";
import { email, LIMITS, text } from "../../core/kernel/validate.ts";
import { CliError, withDb, type Command } from "../command.ts";

const schema = z.object({
  email: email(),
  name: text(LIMITS.name).optional(),
  password: newPassword(),
});

const messages: Record<string, string> = {
  "validation.required": "is required",
  "validation.email": "is not a valid e-mail address",
  "validation.passwordTooShort": "must be at least 10 characters",
  "validation.tooLong": "is too long",
};

export const createAdmin: Command = {
  summary: "create or promote a platform administrator (who can create regions)",
  usage: [
    "Usage: npm run cli -- create-admin --email <address> --name <name> [--password <password>]",
    "",
    "Creates the account, or makes an existing account a platform administrator (--name is then",
    "not needed). Without --password a password is generated and printed once; an existing",
    "account then keeps its password. With --password an existing account gets the new password",
    "and is signed out everywhere. Passwords have at least 10 characters.",
  ].join("\n"),
  options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
  async run(values) {
    const generated = values.password === undefined;
    const password =
      typeof values.password === "string" ? values.password : randomBytes(12).toString("base64url");
    const parsed = schema.safeParse({ email: values.email, name: values.name, password });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const key = issue.message.split("|")[0]!;
      throw new CliError(`--${String(issue.path[0])} ${messages[key] ?? "is not valid"}.`);
    }
    const { email: address, name } = parsed.data;
    const passwordHash = await hashPassword(password);
    const done = await withDb(({ db }) =>
      makePlatformAdmin(db, { email: address, name, passwordHash, replacePassword: !generated }),
    );
    if (done === "nameNeeded") throw new CliError("--name is required to create a new account.");
    console.log(
      done === "promoted"
        ? `${address} is now a platform administrator${generated ? " (password unchanged)" : " with the new password"}.`
        : `Created platform administrator ${address}.${generated ? `\n  password: ${password}` : ""}`,
    );
  },
};
