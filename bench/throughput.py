"""Throughput of dateline against bare spaCy, on the same texts, in one run.

    python bench/throughput.py                 # 2,000 articles (``make bench``)
    python bench/throughput.py --quick         # smoke run: a few dozen articles
    python bench/throughput.py --repeat 3      # each measure 3 times, interleaved: median and spread
    python bench/throughput.py --profile       # also: cost of each component, batch sizes, n_process

The corpus is ``samples/`` read through ``dateline.read``, repeated to
``--articles`` copies, each copy distinct in id *and* content (a last line
names the copy) so that the store's deduplication skips none of them. The same
texts go through every measure:

* ``parse``: bare ``fr_core_news_md`` as spaCy loads it, ``nlp.pipe`` at the same batch size;
* ``extract``: ``Pipeline.extract_many`` (workers=1), the whole dateline pipeline;
* ``workers2``: the same with ``workers=2``;
* ``ingest``: ``dateline.cli.core.ingest_paths`` on the corpus as a JSONL file into a
  fresh SQLite file: reading (with the language check), extraction, ``Database.add``.

Each measure runs in its own process (this script with ``--stage``), so that its
peak RSS is its own and no model loaded for one measure inflates another. Model
loading and a first warm-up batch are excluded from the timings (loading is a
one-off per process; what matters over a corpus is the steady rate).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
MODEL = "fr_core_news_md"
BATCH = 16  # Pipeline.extract_many's default: the batch size every measure uses
WARMUP = 16  # articles parsed before timing (first-batch allocations, lazy loads)
MAIN_STAGES = ("parse", "extract", "workers2", "ingest")
SWEEP_SIZES = (8, 16, 32, 64, 128)


# --------------------------------------------------------------------------- corpus

def _sample_articles() -> list:
    """The articles of ``samples/`` as the CLI reads them (rejections skipped)."""
    from dateline.model import Article
    from dateline.read import read_paths

    if not SAMPLES.is_dir():
        return []
    return [a for a in read_paths([str(SAMPLES)]) if isinstance(a, Article)]


_SYNTHETIC = (
    "Le président {p} a reçu {d} à l'Élysée son homologue {h} pour évoquer la crise "
    "au Sahel. Les deux dirigeants se sont entretenus pendant deux heures, selon la "
    "présidence, qui a salué « un dialogue franc ». {h2} a promis une aide de {n} "
    "millions d'euros et a appelé à un cessez-le-feu immédiat.\n\n"
    "La veille, l'opposition avait manifesté à {v} pour réclamer la libération des "
    "prisonniers politiques. La police a arrêté une vingtaine de personnes, a indiqué "
    "le ministère de l'Intérieur, qui accuse les organisateurs de troubles. Une "
    "nouvelle rencontre aura lieu en {m} à Bruxelles, a annoncé le porte-parole."
)


def _synthetic_articles(count: int = 10) -> list:
    """French articles made up for development, when ``samples/`` is not there yet."""
    from dateline.model import Article

    people = ["Emmanuel Macron", "Olaf Scholz", "Pedro Sánchez", "Giorgia Meloni", "Mark Rutte"]
    cities = ["Dakar", "Bamako", "Niamey", "Abidjan", "Ouagadougou"]
    months = ["janvier", "mars", "juin", "septembre", "décembre"]
    articles = []
    for i in range(count):
        text = _SYNTHETIC.format(p=people[i % 5], h=people[(i + 1) % 5], h2=people[(i + 1) % 5],
                                 d="jeudi", n=10 * (i + 1), v=cities[i % 5], m=months[i % 5])
        articles.append(Article(id=f"synthetic-{i}", date=dt.date(2024, 1 + i % 12, 10),
                                text=f"Titre {i} : rencontre à Paris\n\n{text}"))
    return articles


def build_corpus(base: list, n: int) -> list:
    """``n`` articles cycling through ``base``, each copy distinct in id and in content."""
    from dateline.model import Article

    out = []
    for i in range(n):
        a = base[i % len(base)]
        # A last line makes the content hash distinct: the store stores every copy.
        text = f"{a.text.rstrip()}\n\nCopie de référence numéro {i}.\n"
        out.append(Article(id=f"{a.id}~{i}", date=a.date, text=text, title=a.title, url=a.url,
                           source=a.source))
    return out


def write_corpus(articles: list, path: Path) -> None:
    """The corpus as JSONL (EVENTS.md section 1), the form every stage reads back."""
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps(a.to_record(), ensure_ascii=False) + "\n")


def read_corpus(path: Path) -> list:
    """The corpus back as ``Article``s, without the readers' checks (timed by ``ingest`` only)."""
    from dateline.model import Article

    articles = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            articles.append(Article(id=r["id"], date=dt.date.fromisoformat(r["date"]),
                                    text=r["text"], title=r.get("title"), url=r.get("url")))
    return articles


# --------------------------------------------------------------------------- measures (in a child)

def peak_rss_mb() -> dict[str, float]:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / (1024 * 1024)  # KB on Linux, bytes on macOS
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale
    return {"self_mb": round(own, 1), "children_mb": round(child, 1)}


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (pool workers once joined)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _timed(run: Callable[[], Any]) -> tuple[Any, float, float]:
    """``run()``'s result, its wall seconds and its CPU seconds.

    CPU time barely moves when other work shares the cores (it does here): the
    ratio of CPU rates says what the code costs, the ratio of wall rates what a
    user waits; the benchmark prints both.
    """
    cpu, start = _cpu_seconds(), time.perf_counter()
    result = run()
    return result, time.perf_counter() - start, _cpu_seconds() - cpu


def stage_parse(articles: list, batch: int, n_process: int = 1) -> dict[str, Any]:
    """Bare spaCy: the model with the components it enables by default."""
    import spacy

    nlp = spacy.load(MODEL)
    texts = [a.text for a in articles]
    for _ in nlp.pipe(texts[:WARMUP], batch_size=batch):
        pass
    tokens = [0]

    def run() -> int:
        for doc in nlp.pipe(texts, batch_size=batch, n_process=n_process):
            tokens[0] += len(doc)
        return len(texts)

    count, seconds, cpu = _timed(run)
    return {"articles": count, "seconds": seconds, "cpu_seconds": cpu, "tokens": tokens[0],
            "components": nlp.pipe_names, "disabled": list(nlp.disabled)}


def _load_pipeline(stages: tuple[str, ...] | None):
    from dateline.nlp import pipeline as pl

    if stages is None:
        return pl.cached_pipeline()  # what the CLI uses
    return pl.Pipeline.load(stages=stages)  # forked workers inherit whichever pipeline forks them


def stage_extract(articles: list, batch: int, workers: int = 1,
                  stages: tuple[str, ...] | None = None) -> dict[str, Any]:
    """``Pipeline.extract_many`` over the corpus; rejections are counted, not hidden."""
    from dateline.model import Rejection

    pipeline = _load_pipeline(stages)
    for _ in pipeline.extract_many(articles[:WARMUP], batch_size=batch):
        pass
    rejected = [0]
    events = [0]

    def run() -> int:
        n = 0
        for item in pipeline.extract_many(articles, workers=workers, batch_size=batch):
            n += 1
            if isinstance(item, Rejection):
                rejected[0] += 1
            else:
                events[0] += len(item.events)
        return n

    count, seconds, cpu = _timed(run)
    return {"articles": count, "seconds": seconds, "cpu_seconds": cpu, "rejected": rejected[0],
            "events": events[0],
            "components": pipeline.nlp.pipe_names}


def stage_ingest(corpus: Path, articles: list, batch: int) -> dict[str, Any]:
    """The CLI's ingest (read, extract, ``Database.add``) into a fresh SQLite file."""
    from dateline.cli.core import ingest_paths

    from dateline.read.language import detect_language

    pipeline = _load_pipeline(None)  # ingest_paths uses this same cached pipeline
    for _ in pipeline.extract_many(articles[:WARMUP], batch_size=batch):
        pass
    detect_language(articles[0].text)  # the readers' language models load on first use
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        db = Path(tmp) / "bench.db"
        counts, seconds, cpu = _timed(lambda: ingest_paths([str(corpus)], str(db), progress=False))
        size = db.stat().st_size if db.exists() else 0
    if counts["new"] != len(articles):
        raise SystemExit(f"ingest stored {counts['new']} of {len(articles)} articles: {counts}")
    return {"articles": counts["new"], "seconds": seconds, "cpu_seconds": cpu,
            "rejected": counts["rejected"],
            "db_mb": round(size / 1e6, 1)}


def stage_profile(articles: list, batch: int, stages: tuple[str, ...] | None) -> dict[str, Any]:
    """Seconds spent in each component of bare spaCy and of dateline's pipeline."""
    import spacy

    bare = spacy.load(MODEL)
    bare_docs = [bare.make_doc(a.text) for a in articles]
    pipeline = _load_pipeline(stages)
    ours = [pipeline.make_doc(a) for a in articles]
    return {"bare": _component_seconds(bare, bare_docs, batch),
            "dateline": _component_seconds(pipeline.nlp, ours, batch),
            "articles": len(articles)}


def _component_seconds(nlp, docs: list, batch: int) -> dict[str, float]:
    """Run the pipeline component by component over all docs, timing each one."""
    warm = [nlp.make_doc(d.text) for d in docs[:4]]
    for _, proc in nlp.pipeline:  # warm-up: first calls allocate
        warm = list(_pipe(proc, warm, batch))
    seconds: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        docs = list(_pipe(proc, docs, batch))
        seconds[name] = round(time.perf_counter() - start, 3)
    return seconds


def _pipe(proc, docs: list, batch: int) -> Iterable:
    if hasattr(proc, "pipe"):
        return proc.pipe(docs, batch_size=batch)
    return (proc(d) for d in docs)


def run_stage(args: argparse.Namespace) -> None:
    """Child process: one measure, printed as one JSON line on stdout."""
    corpus = Path(args.corpus)
    articles = read_corpus(corpus)
    stages = tuple(s for s in args.stages.split(",") if s) if args.stages is not None else None
    name = args.stage
    if name == "parse":
        result = stage_parse(articles, args.batch_size, args.n_process)
    elif name in ("extract", "workers2"):
        result = stage_extract(articles, args.batch_size, 2 if name == "workers2" else 1, stages)
    elif name == "ingest":
        result = stage_ingest(corpus, articles, args.batch_size)
    elif name == "profile":
        result = stage_profile(articles, args.batch_size, stages)
    else:
        raise SystemExit(f"unknown stage {name!r}")
    result.update(peak_rss_mb(), stage=name, batch=args.batch_size)
    print(json.dumps(result))


# --------------------------------------------------------------------------- orchestration (parent)

def measure(stage: str, corpus: Path, batch: int = BATCH, stages: str | None = None,
            n_process: int = 1) -> dict[str, Any]:
    """Run one measure in a fresh process and return what it printed."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--stage", stage, "--corpus", str(corpus),
           "--batch-size", str(batch), "--n-process", str(n_process)]
    if stages is not None:
        cmd += ["--stages", stages]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"stage {stage} failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def rate(result: dict[str, Any]) -> float:
    """Articles per (wall) second of one measure."""
    return result["articles"] / result["seconds"] if result["seconds"] else 0.0


def cpu_rate(result: dict[str, Any]) -> float:
    """Articles per CPU second of one measure (all its processes)."""
    cpu = result.get("cpu_seconds") or 0.0
    return result["articles"] / cpu if cpu else 0.0


def _spread(values: list[float]) -> str:
    if len(values) == 1:
        return f"{values[0]:8.2f}"
    return f"{statistics.median(values):8.2f}  (min {min(values):.2f}, max {max(values):.2f})"


def main_run(corpus: Path, n: int, repeat: int, stages: str | None) -> dict[str, list[dict]]:
    """Every main measure ``repeat`` times, interleaved so that noise hits them alike."""
    runs: dict[str, list[dict]] = {s: [] for s in MAIN_STAGES}
    for r in range(repeat):
        for stage in MAIN_STAGES:
            if stage == "ingest" and stages is not None:
                continue  # ingest always runs the full pipeline: not comparable
            result = measure(stage, corpus, stages=stages)
            runs[stage].append(result)
            print(f"  [{r + 1}/{repeat}] {stage:9s} {rate(result):7.2f} articles/s "
                  f"({result['seconds']:.1f} s, peak {max(result['self_mb'], result['children_mb']):.0f} MB)",
                  flush=True)
    return {k: v for k, v in runs.items() if v}


def report_main(runs: dict[str, list[dict]]) -> dict[str, float]:
    """The table of rates, then the four comparable lines; returns the ratios."""
    tokens = runs["parse"][0]["tokens"]
    articles = runs["parse"][0]["articles"]
    print(f"\ncorpus: {articles} articles, {tokens} tokens ({tokens / articles:.0f} per article), "
          f"batch size {BATCH}")
    print(f"bare spaCy components: {', '.join(runs['parse'][0]['components'])} "
          f"(disabled: {', '.join(runs['parse'][0]['disabled']) or 'none'})")
    print(f"dateline components:   {', '.join(runs['extract'][0]['components'])}")
    medians, cpu_medians = {}, {}
    for stage, results in runs.items():
        rates = [rate(r) for r in results]
        medians[stage] = statistics.median(rates)
        cpu_medians[stage] = statistics.median(cpu_rate(r) for r in results)
        busy = statistics.median(r.get("cpu_seconds", 0) / r["seconds"] for r in results)
        print(f"{stage:9s} articles/s {_spread(rates)}   tokens/s {medians[stage] * tokens / articles:8.0f}"
              f"   per CPU-second {cpu_medians[stage]:6.2f}   cores busy {busy:.2f}")
    if all(cpu_medians.values()):
        print("CPU-time ratios (insensitive to other load on the machine): "
              + ", ".join(f"{s}/parse {cpu_medians[s] / cpu_medians['parse']:.2f}"
                          for s in ("extract", "ingest") if s in cpu_medians))
    ex = runs["extract"][0]
    print(f"extract: {ex['events']} events, {ex['rejected']} rejected")
    if "ingest" in runs:
        print(f"ingest: {runs['ingest'][0]['db_mb']} MB of SQLite")
    peak = max(max(r["self_mb"], r["children_mb"]) for s, rs in runs.items() if s != "parse" for r in rs)
    bare_peak = max(r["self_mb"] for r in runs["parse"])
    print(f"peak RSS: bare spaCy {bare_peak:.0f} MB; dateline " + ", ".join(
        f"{s} {max(max(r['self_mb'], r['children_mb']) for r in rs):.0f} MB"
        for s, rs in runs.items() if s != "parse"))
    ratios = {"extract/parse": medians["extract"] / medians["parse"],
              "workers2/workers1": medians["workers2"] / medians["extract"]}
    if "ingest" in medians:
        ratios["ingest/parse"] = medians["ingest"] / medians["parse"]
    print()
    print(f"extract/parse ratio: {ratios['extract/parse']:.2f}")
    if "ingest/parse" in ratios:
        print(f"ingest/parse ratio: {ratios['ingest/parse']:.2f}")
    print(f"workers2/workers1 ratio: {ratios['workers2/workers1']:.2f}")
    print(f"peak memory per process: {peak:.0f} MB")
    return ratios


def profile_run(corpus_path: Path, subset: int, stages: str | None) -> None:
    """Component costs, batch sizes and spaCy's n_process, on a subset of the corpus."""
    articles = read_corpus(corpus_path)[:subset]
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        small = Path(tmp) / "subset.jsonl"
        write_corpus(articles, small)
        prof = measure("profile", small, stages=stages)
        print(f"\nseconds per component over {prof['articles']} articles (batch {BATCH}):")
        for which in ("bare", "dateline"):
            total = sum(prof[which].values())
            parts = ", ".join(f"{k} {v:.1f} ({100 * v / total:.0f}%)" for k, v in prof[which].items())
            print(f"  {which:8s} total {total:6.1f}: {parts}")
        print(f"\nbatch size sweep over {len(articles)} articles (articles/s):")
        for size in SWEEP_SIZES:
            p, e = measure("parse", small, batch=size), measure("extract", small, batch=size, stages=stages)
            print(f"  batch {size:4d}: parse {rate(p):6.2f}  extract {rate(e):6.2f}  "
                  f"(peak {p['self_mb']:.0f} / {e['self_mb']:.0f} MB)", flush=True)
        p1, p2 = measure("parse", small), measure("parse", small, n_process=2)
        print(f"\nbare spaCy n_process=2 vs 1: {rate(p2):.2f} vs {rate(p1):.2f} articles/s "
              f"(x{rate(p2) / rate(p1):.2f})")


def machine_line() -> str:
    """Where the figures were taken (they only compare within one machine)."""
    import spacy

    return (f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"spaCy {spacy.__version__}, {time.strftime('%Y-%m-%d %H:%M')}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="corpus size (default 2000)")
    ap.add_argument("--quick", action="store_true", help="smoke run: 48 articles, no repeats")
    ap.add_argument("--repeat", type=int, default=1, help="times each measure runs (interleaved)")
    ap.add_argument("--profile", action="store_true",
                    help="also time each component, batch sizes 8-128 and n_process")
    ap.add_argument("--profile-articles", type=int, default=256, help="subset for --profile")
    ap.add_argument("--stages", default=None,
                    help="dateline stages to load, comma-separated (default: all; '' = spaCy + blocks)")
    # Internal: one measure in a child process.
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--batch-size", type=int, default=BATCH, help=argparse.SUPPRESS)
    ap.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.stage:
        run_stage(args)
        return
    n, repeat = (48, 1) if args.quick else (args.articles, args.repeat)
    base = _sample_articles()
    if not base:
        print("samples/ not found or empty: using synthetic French articles (development only)")
        base = _synthetic_articles()
    print(machine_line())
    print(f"corpus: {len(base)} base articles repeated to {n}; {repeat} run(s) of each measure")
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(build_corpus(base, n), corpus)
        report_main(main_run(corpus, n, repeat, args.stages))
        if args.profile:
            profile_run(corpus, min(args.profile_articles, n), args.stages)


if __name__ == "__main__":
    main()
