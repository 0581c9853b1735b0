import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Who may import whom (docs/architecture.md, issue 9). Each pattern matches a relative import that
// climbs out of its folder into a top-level one; no folder further down shares those names.
const into = (folders, why) => ({
  regex: `^(\\.\\./)+(${folders.join("|")})/`,
  message: why,
});
const coreStaysBelow = into(
  ["app", "server", "cli", "demo"],
  "core/ is the domain: it knows nothing of the web layer, the process, the command line or the demo.",
);
// Flat config does not merge a rule's options: a later block restating the rule replaces the
// earlier one for the files both match, so core/kernel repeats what holds for all of core.
const boundaries = [
  { files: ["core/**/*.{ts,tsx}"], patterns: [coreStaysBelow] },
  {
    files: ["core/kernel/**/*.{ts,tsx}"],
    // A test may check the kernel through its callers; layering is about what ships.
    ignores: ["**/*.test.ts"],
    patterns: [
      coreStaysBelow,
      {
        regex: "^\\.\\./(?!\\.\\./|kernel/)[^/]+/",
        message:
          "core/kernel is the bottom layer: it imports no other capability. Move the shared piece down into core/kernel instead.",
      },
    ],
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    patterns: [
      into(
        ["db"],
        "Routes and components reach the database only through core/; take types from core (e.g. Role and Db from core/kernel/scope.ts).",
      ),
      into(["cli", "demo"], "The web layer does not use the command line or the demo seed."),
    ],
  },
  {
    files: ["server/**/*.{ts,tsx}"],
    patterns: [
      into(
        ["cli"],
        "The process does not use the command line; share code through core/ or demo/.",
      ),
    ],
  },
  {
    files: ["demo/**/*.{ts,tsx}"],
    patterns: [into(["app", "server", "cli"], "The demo seed builds on core/ and db/ only.")],
  },
  {
    files: ["db/**/*.{ts,tsx}", "i18n/**/*.{ts,tsx}"],
    patterns: [
      into(
        ["core", "app", "server", "cli", "demo"],
        "db/ and i18n/ sit below the domain: they import nothing above them.",
      ),
    ],
  },
].map(({ files, ignores, patterns }) => ({
  files,
  ...(ignores && { ignores }),
  rules: { "no-restricted-imports": ["error", { patterns }] },
}));

export default tseslint.config(
  { ignores: ["build/", "build-*/", "data/", ".react-router/", "node_modules/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: "No focused tests.",
        },
      ],
    },
  },
  ...boundaries,
);
