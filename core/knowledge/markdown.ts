import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// Raw HTML in the Markdown is shown as text (html: false), and markdown-it refuses javascript:,
// vbscript: and data: links itself; sanitize-html then keeps only the tags Markdown makes, so
// even a bug in either library cannot put a script or an event handler on the page.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const ALLOWED = {
  allowedTags: [
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "title"], ol: ["start"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  // An entry's title is the page's h1: headings in the body start one level lower.
  transformTags: {
    h1: "h2",
    a: (tagName: string, attribs: Record<string, string>) => ({
      tagName,
      attribs: { ...attribs, rel: "noopener noreferrer nofollow" },
    }),
  },
} satisfies sanitizeHtml.IOptions;

/** An entry's Markdown as HTML that is safe to put on a page (no script, no handlers). */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), {
    ...ALLOWED,
    allowedAttributes: { ...ALLOWED.allowedAttributes, a: ["href", "title", "rel"] },
  });
}

/** The text of an entry's Markdown without markup, for feeds and previews. */
export function plainText(source: string): string {
  return sanitizeHtml(md.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, " ")
    .trim();
}
