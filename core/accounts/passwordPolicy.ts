import { z } from "zod";

/** Length over composition rules (NIST SP 800-63B): at least 10 characters, at most 200. */
export const newPassword = () =>
  z
    .string({ error: "validation.required" })
    .min(10, { error: "validation.passwordTooShort" })
    .max(200, { error: () => "validation.tooLong|200" });
