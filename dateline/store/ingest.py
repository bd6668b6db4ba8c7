"""One ``Extraction`` into store rows, and the incremental fusion of its event records.

Everything here runs inside the caller's transaction on ``conn``.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from operator import itemgetter
from typing import Any
from urllib.parse import urlparse

from ..fuse import MentionKey, compatible, event_id_for, fold
from ..fuse.summary import EventTallies, summarise_tallies, tallies_of
from ..errors import DatelineError
from ..model import MODALITIES, PLOVER_TYPES, Entity, Event, Extraction
from .cache import ActorEntry, ActorRow, FusionCache, RecordEntry


def origin_of(url: str | None, source: str | None) -> str:
    """What counts as one source: the URL's host, else the source file, else "unknown"."""
    if url:
        host = urlparse(url).hostname
        if host:
            return host.removeprefix("www.")
    if source:
        return source.split("#")[0].split(":")[0] if "://" not in source else source
    return "unknown"


def actor_id(entity: Entity) -> str:
    """The store-wide id of an entity: its knowledge-base id, or its folded local name."""
    if entity.id.startswith("local:") or not entity.id:
        return "local:" + fold(entity.name)
    return entity.id


# one encoder for every row: json.dumps with options builds a new one per call
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def _dumps(value: Any) -> str:
    return _ENCODER.encode(value)


def unique_article_id(conn: sqlite3.Connection, wanted: str, content_hash: str) -> str:
    """``wanted``, or ``wanted~<hash>`` when another article already has that id."""
    wanted = wanted or content_hash[:12]
    row = conn.execute("SELECT 1 FROM articles WHERE id = ?", (wanted,)).fetchone()
    return wanted if row is None else f"{wanted}~{content_hash[:8]}"


def _actor_row(conn: sqlite3.Connection, cache: FusionCache, aid: str) -> ActorEntry | None:
    """The stored ``actors`` row of ``aid`` and its decoded aliases (cached), None if none."""
    entry = cache.actor(aid)
    if entry is None:
        found = conn.execute("SELECT name, kind, country, sector, aliases FROM actors "
                             "WHERE id = ?", (aid,)).fetchone()
        if found is None:
            return None
        row: ActorRow = tuple(found)  # type: ignore[assignment]
        decoded = frozenset(json.loads(row[4]))
        entry = (row, decoded if _dumps(sorted(decoded)) == row[4] else None)
        cache.put_actor(aid, *entry)
    return entry


def _pick(old: str | None, new: str | None) -> str | None:
    """The smaller of two optional values (order-free merge), None when both are empty."""
    if old and new:
        return min(old, new)
    return old or new or None


def upsert_actor(conn: sqlite3.Connection, entity: Entity,
                 cache: FusionCache | None = None) -> str:
    """Insert or merge one entity into ``actors``; the merge is order-free (min, union).

    ``cache``: the writer's ``FusionCache`` (kept in step here), or None.
    """
    cache = cache if cache is not None else FusionCache()
    aid = actor_id(entity)
    names = {entity.name, *entity.aliases} - {""}
    entry = _actor_row(conn, cache, aid)
    if entry is None:
        first = names - {entity.name}
        new = (entity.name, entity.kind, entity.country, entity.sector, _dumps(sorted(first)))
        conn.execute("INSERT INTO actors(id, name, kind, country, sector, aliases) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (aid, *new))
        cache.put_actor(aid, new, frozenset(first))
        return aid
    row, known = entry
    old_name, old_kind, old_country, old_sector, old_aliases = row
    name = min(old_name, entity.name)
    old_set = known if known is not None else set(json.loads(old_aliases))
    aliases = (old_set | names | {old_name}) - {name}
    head = (name, _pick(old_kind, entity.kind), _pick(old_country, entity.country),
            _pick(old_sector, entity.sector))
    if known is not None and aliases == known and head == row[:4]:
        return aid  # nothing new (the usual case): the stored JSON is already sorted(aliases)
    merged = (*head, _dumps(sorted(aliases)))
    if merged != row:
        conn.execute("UPDATE actors SET name = ?, kind = ?, country = ?, sector = ?, "
                     "aliases = ? WHERE id = ?", (*merged, aid))
    cache.put_actor(aid, merged, frozenset(aliases))
    return aid


def _inside(text_len: int, start: int | None, end: int | None) -> bool:
    return start is not None and end is not None and 0 <= start < end <= text_len


def spans_for(event: Event, text_len: int) -> list[dict]:
    """Per evidence span: its sentence and the marks (trigger, actors, date) inside it."""
    out = []
    for ev in event.evidence:
        if not _inside(text_len, ev.start, ev.end):
            continue
        marks = []
        if _inside(text_len, ev.trigger_start, ev.trigger_end):
            marks.append({"start": ev.trigger_start, "end": ev.trigger_end, "kind": "trigger"})
        for kind, entities in (("actor", event.actors), ("recipient", event.recipients)):
            for entity in entities:
                for start, end in entity.mentions:
                    if _inside(text_len, start, end) and ev.start <= start and end <= ev.end:
                        marks.append({"start": start, "end": end, "kind": kind,
                                      "label": entity.name})
        d = event.date
        if _inside(text_len, d.start, d.end) and ev.start <= (d.start or 0) < ev.end:
            marks.append({"start": d.start, "end": min(d.end or 0, ev.end), "kind": "date",
                          "label": d.value})
        out.append({"start": ev.start, "end": ev.end, "marks": marks})
    return out


def insert_article(conn: sqlite3.Connection, x: Extraction, article_id: str,
                   content_hash: str | None = None) -> None:
    """The article row, its timexes and its findings (``content_hash``: the article's, if known)."""
    a = x.article
    conn.execute(
        "INSERT INTO articles(id, source, origin, date, title, url, text, content_hash, "
        "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (article_id, a.source, origin_of(a.url, a.source), a.date.isoformat(), a.title, a.url,
         a.text, content_hash or a.content_hash,
         dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
    conn.executemany(
        'INSERT INTO timexes(article_id, start, "end", text, type, value, anchor, rule) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, t.start, t.end, t.text, t.type, t.value, t.anchor, t.rule)
         for t in x.timexes])
    conn.executemany(
        'INSERT INTO findings(article_id, kind, message, start, "end") VALUES (?, ?, ?, ?, ?)',
        [(article_id, f.kind, f.message, f.start, f.end) for f in x.findings])


def mention_row(x: Extraction, article_id: str, index: int, event: Event,
                ids: dict[int, str], content_hash: str | None = None,
                origin: str | None = None) -> dict[str, Any]:
    """The ``mentions`` row of one article-level record (actors by store-wide id).

    ``content_hash`` and ``origin``: the article's, when the caller has them already
    (the hash reads the whole text).
    """
    a = x.article
    content_hash = content_hash or a.content_hash
    rec = event.to_record(article_id, index)
    parts: dict[str, list[dict]] = {}
    for role, entities in (("actors", event.actors), ("recipients", event.recipients)):
        parts[role] = [dict(r, id=ids[id(e)]) for e, r in zip(entities, rec[role])]
    rec["actors"], rec["recipients"] = parts["actors"], parts["recipients"]
    ev = event.evidence[0] if event.evidence else None
    return {
        "id": rec["id"], "key": f"{content_hash[:16]}:{index}", "article_id": article_id,
        "idx": index, "type": event.type, "modality": event.modality,
        "mode": event.mode, "cameo": event.cameo, "context": rec["context"],
        "confidence": rec["confidence"], "evidence": rec["evidence"],
        "date_value": event.date.value, "date_text": event.date.text,
        "date_basis": event.date.basis, "published": a.date.isoformat(),
        "origin": origin or origin_of(a.url, a.source),
        "evidence_start": ev.start if ev else None, "evidence_end": ev.end if ev else None,
        "trigger": ev.trigger if ev else None,
        "trigger_start": ev.trigger_start if ev else None,
        "trigger_end": ev.trigger_end if ev else None,
        "location": rec["location"], "actors": parts, "record": rec,
        "spans": spans_for(event, len(a.text)),
    }


def key_of(row: dict[str, Any]) -> MentionKey:
    """What fusion compares of a mention row."""
    people = row["actors"]["actors"] + row["actors"]["recipients"]
    loc = row["location"] or {}
    return MentionKey(
        key=row["key"], article_id=row["article_id"], type=row["type"],
        date=row["date_value"], published=dt.date.fromisoformat(row["published"]),
        countries=frozenset([p["country"] for p in people if p.get("country")]),
        actor_ids=frozenset([p["id"] for p in people]),
        place=fold(loc.get("name")) or None, lat=loc.get("lat"), lon=loc.get("lon"))


_JSON_COLUMNS = ("location", "actors", "spans", "record", "context")
# what fusion compares, and what an event summary needs (never the bulky record/spans)
_KEY_COLUMNS = "m.key, m.event_id, m.article_id, m.type, m.date_value, m.published, " \
               "m.location, m.actors"
_SUMMARY_COLUMNS = ("key, article_id, type, modality, mode, cameo, context, confidence, "
                    "date_value, date_text, date_basis, published, origin, location, actors, "
                    "evidence_start, evidence_end, trigger, trigger_start, trigger_end")
_MENTION_COLUMNS = ["id", "key", "event_id", "article_id", "idx", "type", "modality", "mode",
                    "cameo", "context", "confidence", "date_value", "date_text", "date_basis",
                    "published", "origin", "evidence_start", "evidence_end", "trigger",
                    "trigger_start", "trigger_end", "location", "actors", "spans", "record"]


_INSERT_MENTION = (f"INSERT INTO mentions({', '.join(_MENTION_COLUMNS)}) "
                   f"VALUES ({', '.join('?' * len(_MENTION_COLUMNS))})")
_MENTION_JSON = [(c, c in _JSON_COLUMNS) for c in _MENTION_COLUMNS]  # (column, is JSON)
_SUMMARY_NAMES = [c.strip() for c in _SUMMARY_COLUMNS.split(",")]
# the summary columns whose affinity (schema.sql) is not TEXT
_INTEGER_COLUMNS = frozenset({"evidence_start", "evidence_end", "trigger_start", "trigger_end"})
_REAL_COLUMNS = frozenset({"confidence"})


def _as_stored(params: dict[str, Any]) -> dict[str, Any] | None:
    """The summary columns of a mention row being inserted (``params``: column -> bound
    value) as SQLite will return them, or None for a value whose conversion by the
    column's affinity is not modelled here (then read the row back instead)."""
    out = {}
    for col in _SUMMARY_NAMES:
        v = params[col]
        kind = type(v)
        if col in _REAL_COLUMNS:
            if kind is not float and kind is not int or v != v:  # NaN is stored as NULL
                return None
            v = float(v)  # REAL affinity stores integers as reals
        elif v is not None and kind is not (int if col in _INTEGER_COLUMNS else str):
            return None
        out[col] = v
    return out


def load_mention(row: sqlite3.Row) -> dict[str, Any]:
    """A ``mentions`` row (all or some columns) as a dict, its JSON columns decoded."""
    out = dict(row)
    for col in _JSON_COLUMNS:
        if col in out and out[col] is not None:
            out[col] = json.loads(out[col])
    return out


def _summary_row(row: sqlite3.Row) -> dict[str, Any]:
    out = load_mention(row)
    out["evidence"] = None if out["evidence_start"] is None else {
        "start": out["evidence_start"], "end": out["evidence_end"], "trigger": out["trigger"],
        "trigger_start": out["trigger_start"], "trigger_end": out["trigger_end"]}
    return out


def _prefixes(value: str) -> list[str]:
    return [value[:i] for i in range(1, len(value) + 1)]


def _candidate_rowids(k: MentionKey) -> tuple[str, list[Any]] | None:
    """The query of the rowids of stored records that may be the same act as a record of
    key ``k``: same type, and a date (prefix either way) or publication day ``compatible``
    could accept (None: ``k`` names no participant, so nothing is compatible).

    Each branch is an index range on ``mentions(type, date_value)`` or
    ``mentions(type, published)``: the query reads no table row.
    """
    if not k.countries and not k.actor_ids:
        return None
    monday = k.published - dt.timedelta(days=k.published.weekday())
    lo, hi = monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    branches = ["SELECT rowid FROM mentions WHERE type = ? AND published BETWEEN ? AND ?"]
    params: list[Any] = [k.type, lo, hi]
    if k.date:
        prefixes = _prefixes(k.date)
        branches += [f"SELECT rowid FROM mentions WHERE type = ? AND date_value IN "
                     f"({','.join('?' * len(prefixes))})",
                     "SELECT rowid FROM mentions WHERE type = ? AND date_value > ? "
                     "AND date_value < ?"]
        params += [k.type, *prefixes, k.type, k.date, k.date + "\U0010ffff"]
    return " UNION ".join(branches), params


def _compared_key(cache: FusionCache, values: tuple) -> MentionKey:
    """The ``MentionKey`` (no key, no article) of a record's compared columns as stored:
    (type, date value, publication day, location JSON, actors JSON); decoded once."""
    mk = cache.known_key(values)
    if mk is None:
        type_, date_value, published, location, actors = values
        mk = cache.compared_key(values, key_of({
            "key": "", "article_id": None, "type": type_, "date_value": date_value,
            "published": published, "location": location and json.loads(location),
            "actors": json.loads(actors)}))
    return mk


def _load_records(conn: sqlite3.Connection, cache: FusionCache,
                  rowids: list[int]) -> dict[int, RecordEntry]:
    """Read the stored records ``rowids`` (into the cache too)."""
    found: dict[int, RecordEntry] = {}
    for i in range(0, len(rowids), 500):  # well under SQLite's bound-parameter limit
        chunk = rowids[i:i + 500]
        for rowid, event_id, article_id, *values in conn.execute(
                f"SELECT rowid, event_id, article_id, type, date_value, published, location, "
                f"actors FROM mentions WHERE rowid IN ({','.join('?' * len(chunk))})", chunk):
            found[rowid] = cache.put_record(rowid, event_id, article_id,
                                            _compared_key(cache, tuple(values)))
    return found


def _matched_events(conn: sqlite3.Connection, cache: FusionCache, row: dict[str, Any],
                    k: MentionKey) -> list[str]:
    """The ids of the stored events ``row`` (key ``k``) is compatible with (sorted).

    The candidates come as rowids from the indexes alone; their event, article and
    compared values from the cache (read once per record). ``compatible`` reads only
    the compared values once ``row``'s article is excluded, so each distinct set of
    them is compared once: a big event costs a few comparisons, not one per record.
    """
    query = _candidate_rowids(k)
    if query is None:
        return []
    cache.trim_records()
    rowids = list(map(itemgetter(0), conn.execute(*query)))
    entries = list(map(cache.records().get, rowids))
    if None in entries:
        loaded = _load_records(conn, cache, [r for r, e in zip(rowids, entries) if e is None])
        entries = [entry or loaded[r] for r, entry in zip(rowids, entries)]
    article = row["article_id"]
    # the groups with a record of another article (most records of a big event share one)
    groups = {group for group, art in entries if art != article}  # type: ignore[misc]
    matched: set[str] = set()
    verdicts: dict[int, bool] = {}  # id of a shared MentionKey -> compatible with k
    for group in groups:
        event_id = cache.event_of(group.event_id)
        if event_id in matched:
            continue  # one compatible record is enough: skip the rest of its event
        ok = verdicts.get(id(group.key))
        if ok is None:
            ok = verdicts[id(group.key)] = compatible(k, group.key)
        if ok:
            matched.add(event_id)
    return sorted(matched)


def _event_rows(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    """The summary rows of every stored record of ``event_id``."""
    return [_summary_row(r) for r in conn.execute(
        f"SELECT {_SUMMARY_COLUMNS} FROM mentions WHERE event_id = ?", (event_id,))]


def _write_event(conn: sqlite3.Connection, tallies: EventTallies) -> None:
    """The ``events`` row of the records counted in ``tallies``, every record of one event."""
    ev = summarise_tallies(tallies)
    cols = [c for c in ev if c != "record"]
    conn.execute(f"INSERT OR REPLACE INTO events({', '.join(cols)}, record) "
                 f"VALUES ({', '.join('?' * (len(cols) + 1))})",
                 [ev[c] for c in cols] + [_dumps(ev["record"])])


def fuse_mention(conn: sqlite3.Connection, row: dict[str, Any],
                 cache: FusionCache | None = None) -> str:
    """Store one mention row, joining (and possibly bridging) the events it matches.

    ``cache`` must be the writer's own ``FusionCache`` (kept in step here), or None.
    """
    cache = cache if cache is not None else FusionCache()
    k = key_of(row)
    olds = _matched_events(conn, cache, row, k)
    # joining one event whose tallies are cached (the usual case) reads none of its records
    tallies = cache.tallies(olds[0]) if len(olds) == 1 else None
    old_rows = [] if tallies is not None else [
        r for event_id in olds for r in _event_rows(conn, event_id)]
    first_keys = [tallies.first["key"]] if tallies is not None and tallies.first else [
        r["key"] for r in old_rows]
    new_id = event_id_for([row["key"], *first_keys])
    if olds and olds != [new_id]:  # else the records already carry the event's id
        marks = ",".join("?" * len(olds))
        conn.execute(f"UPDATE mentions SET event_id = ? WHERE event_id IN ({marks}) "
                     "AND event_id != ?", [new_id, *olds, new_id])
        conn.execute(f"DELETE FROM events WHERE id IN ({marks}) AND id != ?", [*olds, new_id])
        for event_id in olds:
            if event_id != new_id:
                cache.rename_event(event_id, new_id)
    values = dict(row, event_id=new_id)
    params = [(_dumps(values[c]) if is_json and values[c] is not None else values[c])
              for c, is_json in _MENTION_JSON]
    rowid = conn.execute(_INSERT_MENTION, params).lastrowid
    conn.executemany(
        "INSERT INTO mention_actors(mention_id, actor_id, role, name, country, sector) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(row["id"], p["id"], role[:-1], p["name"], p.get("country"), p.get("sector"))
         for role in ("actors", "recipients") for p in row["actors"][role]])
    # the new record as SQLite gives it back (types and JSON exactly as stored)
    as_stored = _as_stored(dict(zip(_MENTION_COLUMNS, params)))
    stored = _summary_row(as_stored or conn.execute(
        f"SELECT {_SUMMARY_COLUMNS} FROM mentions WHERE id = ?", (row["id"],)).fetchone())
    if as_stored is not None and rowid is not None:  # else read back when a candidate
        cache.put_record(rowid, new_id, as_stored["article_id"], _compared_key(cache, (
            as_stored["type"], as_stored["date_value"], as_stored["published"],
            as_stored["location"], as_stored["actors"])))
    # the cached tallies are updated in place: a failure from here on rolls the
    # transaction back, and Database.add then empties the whole cache
    tallies = tallies if tallies is not None else tallies_of(old_rows)
    tallies.add(stored)
    for event_id in olds:
        cache.drop_event(event_id)
    cache.put_tallies(new_id, tallies)
    _write_event(conn, tallies)
    return new_id


def check_extraction(x: Extraction) -> None:
    """Refuse records the store cannot fuse (a type or modality outside EVENTS.md)."""
    for i, event in enumerate(x.events):
        if event.type not in PLOVER_TYPES:
            raise DatelineError(f"{x.article.id}: event {i} has type {event.type!r}, not one "
                                "of the 16 PLOVER types")
        if event.modality not in MODALITIES:
            raise DatelineError(f"{x.article.id}: event {i} has modality {event.modality!r}, "
                                f"not one of {', '.join(MODALITIES)}")


def add_extraction(conn: sqlite3.Connection, x: Extraction,
                   cache: FusionCache | None = None, content_hash: str | None = None) -> str:
    """Store ``x`` (its article is known not to be stored yet); returns its article id.

    ``cache``: the writer's ``FusionCache`` (see ``fuse_mention``), or None;
    ``content_hash``: the article's, if the caller computed it already.
    """
    cache = cache if cache is not None else FusionCache()
    check_extraction(x)
    a = x.article
    content_hash = content_hash or a.content_hash  # once: it hashes the whole text
    origin = origin_of(a.url, a.source)
    article_id = unique_article_id(conn, a.id, content_hash)
    insert_article(conn, x, article_id, content_hash)
    ids: dict[int, str] = {}
    for entity in x.entities:
        ids[id(entity)] = upsert_actor(conn, entity, cache)
    for index, event in enumerate(x.events):
        for entity in [*event.actors, *event.recipients]:
            if id(entity) not in ids:
                ids[id(entity)] = upsert_actor(conn, entity, cache)
        row = mention_row(x, article_id, index, event, ids, content_hash, origin)
        fuse_mention(conn, row, cache)
    return article_id
