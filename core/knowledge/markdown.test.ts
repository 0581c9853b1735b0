import { describe, expect, it } from "vitest";
import { plainText, renderMarkdown } from "./markdown.ts";

describe("an entry's Markdown on a page", () => {
  it("keeps what Markdown makes and drops script, handlers and script links", () => {
    const html = renderMarkdown(
      [
        "# Kop",
        "Tekst met **nadruk** en [een link](https://example.org).",
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[klik](javascript:alert(1))",
        "- een\n- twee",
      ].join("\n\n"),
    );
    expect(html).toContain("<h2>Kop</h2>");
    expect(html).toContain("<strong>nadruk</strong>");
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow">');
    expect(html).toContain("<li>een</li>");
    expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+=|href="javascript/i);
    // Raw HTML is shown as text, not run.
    expect(html).toContain("&lt;script&gt;");
  });

  it("gives plain text for feeds", () => {
    expect(plainText("Een **vette** [link](https://x.nl)")).toBe("Een vette link");
  });
});
