-- Full-text search over the knowledge base (issue 13): each entry's words stemmed in its own
-- language (Dutch or English), accents folded (unaccent) so "coordinatie" finds "coördinatie",
-- weighted title (A) > summary and theme (B) > body and citation (C). core/knowledge/search.ts
-- reads it. unaccent is a trusted extension on PostgreSQL; PGlite loads it (db/client.ts).
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The stock configurations with accents folded before stemming. asciiword needs no folding.
CREATE TEXT SEARCH CONFIGURATION knowledge_nl (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION knowledge_nl
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
CREATE TEXT SEARCH CONFIGURATION knowledge_en (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION knowledge_en
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

-- Marked immutable so a stored column and an index may use them: they are, as long as the two
-- configurations above are not altered (a later migration that alters them must also rewrite
-- the column and the index: UPDATE knowledge_entries SET title = title; REINDEX). Their search
-- path is the migration's: PostgreSQL 17 builds indexes with pg_catalog only on the path.
CREATE FUNCTION knowledge_config(language text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT
AS $$
  SELECT CASE WHEN language = 'en' THEN 'knowledge_en'::regconfig
    ELSE 'knowledge_nl'::regconfig END
$$;

-- Title (A), summary and theme (B): small, so it stays in the row and ranking reads it cheaply.
CREATE FUNCTION knowledge_head(language text, title text, summary text, theme text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT
AS $$
  SELECT setweight(to_tsvector(knowledge_config(language), title), 'A')
    || setweight(to_tsvector(knowledge_config(language), summary || ' ' || theme), 'B')
$$;

-- The whole entry: the head, and the body and citation (C). Link targets of the Markdown are
-- addresses, not words of the entry.
CREATE FUNCTION knowledge_document(language text, title text, summary text, theme text,
    body_md text, citation text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT
AS $$
  SELECT knowledge_head(language, title, summary, theme)
    || setweight(to_tsvector(knowledge_config(language),
         regexp_replace(body_md, '\]\([^)]*\)', ']', 'g') || ' ' || citation), 'C')
$$;

-- The head is stored: ranking reads it for every match. The whole document lives only in its
-- index: a plain tsquery is answered by the index without a recheck, so the rows a search reads
-- for its facets stay half as wide (the document is the biggest value of an entry's row), and
-- only a phrase search ("…") recomputes the document, for the rows the index found.
ALTER TABLE knowledge_entries ADD COLUMN search_head tsvector
  GENERATED ALWAYS AS (knowledge_head(language, title, summary, theme)) STORED;
CREATE INDEX knowledge_entries_search ON knowledge_entries
  USING gin (knowledge_document(language, title, summary, theme, body_md, citation));
-- The empty search lists the newest first.
CREATE INDEX knowledge_entries_newest ON knowledge_entries (updated_at DESC, id);
