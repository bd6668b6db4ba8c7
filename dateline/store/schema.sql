-- dateline store, schema version 3 (PRAGMA user_version).
-- Articles and what the pipeline found in each; fused actors and events across articles.

CREATE TABLE articles (
    pk           INTEGER PRIMARY KEY,          -- rowid, for the full-text index
    id           TEXT NOT NULL UNIQUE,         -- the article's own id (suffixed on a clash)
    source       TEXT,                         -- the file (and record) it was read from
    origin       TEXT NOT NULL,                -- URL host, else source file: what "sources" count
    date         TEXT NOT NULL,                -- publication date (DCT), YYYY-MM-DD
    title        TEXT,
    url          TEXT,
    text         TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_date ON articles(date);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='pk', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.pk, old.title, old.text);
END;

CREATE TABLE timexes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,
    value      TEXT NOT NULL,
    anchor     TEXT,
    rule       TEXT
);
CREATE INDEX timexes_article ON timexes(article_id);

CREATE TABLE findings (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    message    TEXT NOT NULL,
    start      INTEGER,
    "end"      INTEGER
);
CREATE INDEX findings_article ON findings(article_id);

-- One actor across articles: a knowledge-base id, or "local:<folded name>".
CREATE TABLE actors (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    kind    TEXT,
    country TEXT,
    sector  TEXT,
    aliases TEXT NOT NULL DEFAULT '[]'           -- JSON list, sorted
);

-- One act, fused over every article that reports it.
CREATE TABLE events (
    id            TEXT PRIMARY KEY,              -- from its first mention's content: order-free
    type          TEXT NOT NULL,
    plover        TEXT NOT NULL,
    quad          TEXT NOT NULL,
    mode          TEXT,
    modality      TEXT NOT NULL,
    cameo         TEXT,
    context       TEXT NOT NULL DEFAULT '[]',   -- JSON list
    date_value    TEXT,
    date_text     TEXT,
    date_basis    TEXT,
    date_start    TEXT,                          -- first day the date value covers
    date_end      TEXT,                          -- last day it covers
    date_disagree INTEGER NOT NULL DEFAULT 0,
    first_reported TEXT NOT NULL,
    last_reported  TEXT NOT NULL,
    place_date    TEXT NOT NULL,                 -- date_start, else first_reported: timeline order
    location      TEXT,                          -- JSON or NULL
    confidence    REAL NOT NULL,
    num_mentions  INTEGER NOT NULL,
    num_articles  INTEGER NOT NULL,
    num_sources   INTEGER NOT NULL,
    record        TEXT NOT NULL                  -- the event record as JSON (EVENTS.md section 2)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_place ON events(place_date, first_reported);

-- One article-level event record (what one article says of one act).
CREATE TABLE mentions (
    id             TEXT PRIMARY KEY,             -- "<article id>:<index>"
    key            TEXT NOT NULL UNIQUE,         -- "<content hash>:<index>": order-free identity
    event_id       TEXT NOT NULL REFERENCES events(id) DEFERRABLE INITIALLY DEFERRED,
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    type           TEXT NOT NULL,
    modality       TEXT NOT NULL,
    mode           TEXT,
    cameo          TEXT,
    context        TEXT NOT NULL DEFAULT '[]',   -- JSON list
    confidence     REAL NOT NULL DEFAULT 0.5,
    date_value     TEXT,                         -- the date as this article gave it
    date_text      TEXT,
    date_basis     TEXT,
    published      TEXT NOT NULL,                -- the article's publication date
    origin         TEXT NOT NULL,
    evidence_start INTEGER,
    evidence_end   INTEGER,
    trigger        TEXT,
    trigger_start  INTEGER,
    trigger_end    INTEGER,
    location       TEXT,                         -- JSON or NULL
    actors         TEXT NOT NULL,                -- JSON: {"actors": [...], "recipients": [...]}
    spans          TEXT NOT NULL,                -- JSON: highlight spans (trigger, actors, date)
    record         TEXT NOT NULL                 -- the article-level record as JSON
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_type ON mentions(type, published);
CREATE INDEX mentions_type_date ON mentions(type, date_value);

CREATE TABLE mention_actors (
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    actor_id   TEXT NOT NULL REFERENCES actors(id),
    role       TEXT NOT NULL,                    -- "actor" or "recipient"
    name       TEXT NOT NULL,
    country    TEXT,
    sector     TEXT
);
CREATE INDEX mention_actors_mention ON mention_actors(mention_id);
CREATE INDEX mention_actors_actor ON mention_actors(actor_id);
CREATE INDEX mention_actors_country ON mention_actors(country);
