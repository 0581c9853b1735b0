import { describe, expect, it } from "vitest";
import { checkAnswer } from "./answerValue.ts";
import type { Question } from "./template.ts";

const prompt = { nl: "Vraag", en: "Question" };
const open: Question = { id: "q", kind: "open", prompt, audience: "individual" };
const cloud: Question = { id: "w", kind: "wordcloud", prompt, audience: "individual" };

describe("an answer over the socket (issue 17)", () => {
  it("refuses text the database cannot store inside JSON, with its own message", () => {
    for (const value of ["a\u0000b", "half \ud800 a pair", "\udc00"])
      expect(checkAnswer(open, value)).toEqual({ ok: false, error: "dialogue.answerCharacters" });
    expect(checkAnswer(cloud, ["water", "x\u0000"])).toEqual({
      ok: false,
      error: "dialogue.answerCharacters",
    });
  });

  it("keeps whole characters, emoji and right-to-left marks included", () => {
    expect(checkAnswer(open, "Samen 😀 \u202eleren")).toEqual({
      ok: true,
      value: "Samen 😀 \u202eleren",
    });
    expect(checkAnswer(cloud, "Water, Wonen")).toEqual({ ok: true, value: ["water", "wonen"] });
  });
});
