"""Load the content folder and check everything staff can get wrong, with ``file:line`` for each issue."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from bot.common import markup
from bot.common.issues import Issue, Severity
from bot.content.contact_point import ContactPoint, SectionParser, load_contact_point
from bot.content.examples import OUT_OF_SCOPE_DIR, example_languages, examples_path, read_examples
from bot.content.tree import ContentTree, Node, Source, Text, Topic
from bot.content.yamlfile import Reporter, YamlError, load_mapping, parse_yaml, read_text

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
PLACEHOLDERS = frozenset({"hours", "address", "languages"})
FRONT_KEYS = frozenset({"title", "summary", "keywords", "questions", "reviewed"})
NODE_KEYS = frozenset({"id", "order", "reviewed", "related", "sources"})
SOURCE_KEYS = frozenset({"title", "url", "main"})
CHECK_KEYS = frozenset({"review_max_age_months", "max_sentence_words"})
MAX_TITLE = 60
MAX_SUMMARY = 200
# A sentence ends at . ! ? or … followed by a space or the end of the line.
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")


@dataclass(frozen=True, slots=True)
class CheckRules:
    """Limits of ``content check`` that staff may change in ``content/checks.yml``."""

    review_max_age_months: int = 12  # a review date older than this gives a warning
    max_sentence_words: int = 25  # a longer sentence gives a warning (aim for about 20)

    def stale(self, reviewed: date, today: date) -> bool:
        months = (today.year - reviewed.year) * 12 + today.month - reviewed.month
        return months > self.review_max_age_months or (
            months == self.review_max_age_months and today.day > reviewed.day
        )

    def stale_message(self, reviewed: date) -> str:
        months = self.review_max_age_months
        return f"reviewed {reviewed}: older than {months} months, please check the facts again"


def load_check_rules(path: Path, issues: list[Issue]) -> CheckRules:
    """``checks.yml`` is optional; a bad value is reported and the default kept."""
    if not path.is_file():
        return CheckRules()
    loaded = load_mapping(path, issues, "", "checks.yml must be lines like 'review_max_age_months: 12'")
    if loaded is None:
        return CheckRules()
    raw, r = loaded
    for key in sorted(set(raw) - CHECK_KEYS):
        r.warning(str(key), f"unknown key {key!r} (known: {', '.join(sorted(CHECK_KEYS))})")
    values: dict[str, int] = {}
    for key in sorted(CHECK_KEYS & set(raw)):
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            r.error(key, f"{key} must be a whole number of at least 1")
        else:
            values[key] = value
    return CheckRules(**values)


def is_homepage(url: str) -> bool:
    """True for a bare site address (no path): nobody can check a fact against it."""
    parsed = urlparse(url)
    return bool(parsed.netloc) and parsed.path.strip("/") == "" and not parsed.query


def long_sentences(line: str, limit: int) -> list[int]:
    """Word counts of the sentences in ``line`` that have more than ``limit`` words."""
    plain = LINK.sub(r"\1", PLACEHOLDER.sub("", line)).replace("**", "")
    counts = [len(WORD.findall(sentence)) for sentence in SENTENCE_END.split(plain)]
    return [count for count in counts if count > limit]


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line where the body starts), or None without a front matter block."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return None


def _str_list(r: Reporter, raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        r.error(key, f"{key} must be a list like [word one, word two]")
        return ()
    return tuple(str(v).strip() for v in value if str(v).strip())


def _check_body(
    r: Reporter, body: str, body_line: int, known_ids: set[str] | None, rules: CheckRules = CheckRules()
) -> None:
    for offset, line in enumerate(body.split("\n")):
        for count in long_sentences(line, rules.max_sentence_words):
            r.warning(
                "",
                f"a sentence of {count} words (more than {rules.max_sentence_words}): "
                "split it, one idea per sentence",
                body_line + offset,
            )
        for m in PLACEHOLDER.finditer(line):
            if m.group(1) not in PLACEHOLDERS:
                r.error(
                    "",
                    f"unknown placeholder {{{{ {m.group(1)} }}}} (known: {', '.join(sorted(PLACEHOLDERS))})",
                    body_line + offset,
                )
        stripped = PLACEHOLDER.sub("", line)
        if "{{" in stripped or "}}" in stripped:
            r.error("", "unbalanced {{ }}: write placeholders like {{ hours }}", body_line + offset)
    for offset, url in markup.links(body):
        at = body_line + offset
        if url.startswith("node:"):
            target = url[5:]
            if known_ids is not None and target not in known_ids:
                r.error("", f"broken link: no node {target!r}", at)
        elif url.startswith(("http://", "https://")):
            parsed = urlparse(url)
            if not parsed.netloc or "." not in parsed.netloc:
                r.error("", f"broken link: {url!r} is not a web address", at)
        elif not url.startswith(("mailto:", "tel:")):
            r.error("", f"broken link: {url!r} (use https://... or node:topic/node)", at)


def _header(path: Path, raw_text: str, r: Reporter) -> tuple[dict[str, Any], str, int] | None:
    """The YAML header between the two --- lines (as a mapping), the body and the body's first line."""
    split = split_front_matter(raw_text)
    if split is None:
        r.error(
            "", "the file must start with a header between two --- lines (title, summary, keywords...)", 1
        )
        return None
    front, body, body_line = split
    try:
        raw, r.lines = parse_yaml(front, first_line=2)
    except YamlError as exc:
        r.error("", exc.message, exc.line)
        return None
    if not isinstance(raw, dict):
        r.error("", "the header must be lines like 'title: ...'", 2)
        return None
    return raw, body, body_line


def _short_text(r: Reporter, raw: dict[str, Any], key: str, limit: int) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        r.error(key, f"{key} is empty", r.line_of(key) if key in raw else 2)
        return ""
    if len(value) > limit:
        r.warning(key, f"{key} is longer than {limit} characters")
    return value.strip()


def _text_reviewed(
    r: Reporter, raw: dict[str, Any], node_reviewed: date | None, today: date, rules: CheckRules
) -> date:
    reviewed = raw.get("reviewed", node_reviewed)
    if not isinstance(reviewed, date):
        r.error("reviewed", "reviewed must be a date like 2026-11-25")
        return node_reviewed or today
    if node_reviewed and reviewed < node_reviewed:
        r.warning(
            "reviewed",
            f"translation reviewed {reviewed}, before the node ({node_reviewed}): it may be outdated",
        )
    if rules.stale(reviewed, today):
        r.warning("reviewed", rules.stale_message(reviewed))
    return reviewed


def _load_text(
    path: Path,
    lang: str,
    node_reviewed: date | None,
    today: date,
    issues: list[Issue],
    rules: CheckRules = CheckRules(),
) -> Text | None:
    raw_text = read_text(path, issues)
    if raw_text is None:
        return None
    r = Reporter(path, issues)
    header = _header(path, raw_text, r)
    if header is None:
        return None
    raw, body, body_line = header
    errors_before = sum(1 for i in issues if i.severity is Severity.ERROR)
    for key in sorted(set(raw) - FRONT_KEYS):
        r.warning(str(key), f"unknown key {key!r} (known: {', '.join(sorted(FRONT_KEYS))})")
    title = _short_text(r, raw, "title", MAX_TITLE)
    summary = _short_text(r, raw, "summary", MAX_SUMMARY)
    keywords = _str_list(r, raw, "keywords")
    questions = _str_list(r, raw, "questions")
    if not keywords and not questions:
        r.warning("keywords", "no keywords or questions: the bot will hardly find this answer")
    reviewed = _text_reviewed(r, raw, node_reviewed, today, rules)
    body_line += len(body) - len(body.lstrip("\n"))
    body = body.strip("\n")
    if not body.strip():
        r.error("", "the text after the header is empty", body_line)
    _check_body(r, body, body_line, None, rules)
    if sum(1 for i in issues if i.severity is Severity.ERROR) > errors_before:
        return None
    return Text(lang, title, summary, body, keywords, questions, reviewed, path, body_line)


def _source(r: Reporter, key: str, item: Any) -> Source | None:
    """One entry of ``sources:``; None (reported) when it cannot be used."""
    if not isinstance(item, dict) or not str(item.get("title", "")).strip():
        r.error(key, "each source needs a title (and a url where there is one)")
        return None
    for extra in sorted(set(item) - SOURCE_KEYS):
        r.warning(f"{key}.{extra}", f"unknown key {extra!r} (known: {', '.join(sorted(SOURCE_KEYS))})")
    url = str(item.get("url", "") or "")
    if url and not (url.startswith(("http://", "https://")) and "." in urlparse(url).netloc):
        r.error(f"{key}.url", f"broken link: {url!r} is not a web address")
        return None
    if url and is_homepage(url):
        r.warning(
            f"{key}.url", f"source {url!r} is a homepage (no path): cite the exact page that states the fact"
        )
    main = item.get("main", False)
    if not isinstance(main, bool):
        r.error(f"{key}.main", "main must be true or false")
        return None
    return Source(str(item["title"]).strip(), url, main)


def _sources(r: Reporter, raw: dict[str, Any]) -> tuple[list[Source], bool]:
    raw_sources = raw.get("sources")
    if not isinstance(raw_sources, list) or not raw_sources:
        r.error("sources", "sources must list at least one source (title and url)")
        return [], False
    found = [_source(r, f"sources.{index}", item) for index, item in enumerate(raw_sources)]
    sources = [s for s in found if s is not None]
    if sum(1 for s in sources if s.main) > 1:
        r.warning("sources", "more than one source has main: true; the first one is shown")
    return sources, len(sources) == len(found)


def _node_reviewed(r: Reporter, raw: dict[str, Any], today: date, rules: CheckRules) -> date | None:
    reviewed = raw.get("reviewed")
    if not isinstance(reviewed, date):
        r.error("reviewed", "reviewed must be a date like 2026-11-25")
        return None
    if rules.stale(reviewed, today):
        r.warning("reviewed", rules.stale_message(reviewed))
    elif reviewed > today:
        r.warning("reviewed", f"reviewed {reviewed} lies in the future")
    return reviewed


def _node_texts(
    folder: Path,
    node_id: str,
    languages: list[str],
    required: list[str],
    reviewed: date,
    today: date,
    issues: list[Issue],
    rules: CheckRules,
) -> tuple[dict[str, Text], bool]:
    """The node's text in each language (with its example questions); False when one is broken or a
    required language is missing."""
    ok = True
    texts: dict[str, Text] = {}
    for path in sorted(folder.glob("*.md")):
        lang = path.stem
        if lang not in languages:
            issues.append(
                Issue(path, 1, Severity.WARNING, f"no locale for language {lang!r}: file is ignored")
            )
            continue
        text = _load_text(path, lang, reviewed, today, issues, rules)
        if text is None:
            ok = False
        else:
            texts[lang] = replace(text, examples=read_examples(examples_path(folder, lang), issues))
    for lang in example_languages(folder):
        if lang not in texts:
            issues.append(
                Issue(examples_path(folder, lang), 1, Severity.WARNING, f"no {lang} text: examples ignored")
            )
    for lang in languages:
        if not (folder / f"{lang}.md").exists():
            severity = Severity.ERROR if lang in required else Severity.WARNING
            issues.append(
                Issue(folder / f"{lang}.md", 1, severity, f"untranslated: no {lang} text for {node_id}")
            )
            ok = ok and lang not in required
    return texts, ok


def _load_node(
    folder: Path,
    topic: str,
    languages: list[str],
    required: list[str],
    today: date,
    issues: list[Issue],
    rules: CheckRules = CheckRules(),
) -> Node | None:
    loaded = load_mapping(
        folder / "node.yml",
        issues,
        "node.yml is missing (sources, reviewed date, related nodes)",
        "node.yml must be lines like 'reviewed: 2026-11-25'",
    )
    if loaded is None:
        return None
    raw, r = loaded
    for key in sorted(set(raw) - NODE_KEYS):
        r.warning(str(key), f"unknown key {key!r} (known: {', '.join(sorted(NODE_KEYS))})")
    node_id = raw.get("id", f"{topic}/{folder.name}")
    id_ok = isinstance(node_id, str) and re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", node_id) is not None
    if not id_ok:
        r.error("id", f"id {node_id!r} must look like topic/node (lowercase letters, digits, -)")
    reviewed = _node_reviewed(r, raw, today, rules)
    order = raw.get("order", 100)
    if not isinstance(order, int):
        r.error("order", "order must be a whole number")
        order = 100
    related = _str_list(r, raw, "related")
    sources, sources_ok = _sources(r, raw)
    texts, texts_ok = _node_texts(
        folder, str(node_id), languages, required, reviewed or today, today, issues, rules
    )
    if not (id_ok and reviewed and sources_ok and texts_ok and texts):
        return None
    return Node(
        str(node_id), topic, order, reviewed, related, tuple(sources), texts, folder, r.line_of("related")
    )


def _load_topic(folder: Path, languages: list[str], required: list[str], issues: list[Issue]) -> Topic | None:
    loaded = load_mapping(
        folder / "topic.yml",
        issues,
        "topic.yml is missing (the topic's name in each language)",
        "topic.yml needs title: with one line per language",
    )
    if loaded is None:
        return None
    raw, r = loaded
    titles = raw.get("title")
    if not isinstance(titles, dict):
        r.error("title", "topic.yml needs title: with one line per language")
        return None
    ok = True
    for lang in languages:
        value = titles.get(lang)
        if not isinstance(value, str) or not value.strip():
            severity = Severity.ERROR if lang in required else Severity.WARNING
            issues.append(Issue(r.path, r.line_of("title"), severity, f"untranslated: no {lang} title"))
            ok = ok and lang not in required
    order = raw.get("order", 100)
    if not isinstance(order, int):
        r.error("order", "order must be a whole number")
        ok = False
    if not ok:
        return None
    clean = {str(k): str(v).strip() for k, v in titles.items() if isinstance(v, str) and v.strip()}
    return Topic(folder.name, int(order), str(raw.get("icon", "") or ""), clean, ())


def load_content(
    content_dir: Path,
    *,
    languages: list[str],
    required: list[str],
    today: date,
    sections: Mapping[str, SectionParser] | None = None,
) -> tuple[ContentTree | None, list[Issue]]:
    """Load and check the whole tree. Returns no tree when there is any error."""
    issues: list[Issue] = []
    if not content_dir.is_dir():
        return None, [Issue(content_dir, 1, Severity.ERROR, "content folder is missing")]
    contact: ContactPoint | None = load_contact_point(content_dir / "contact-point.yml", issues, sections)
    rules = load_check_rules(content_dir / "checks.yml", issues)
    topics: list[Topic] = []
    nodes: dict[str, Node] = {}
    broken = False
    for folder in _subfolders(content_dir):
        if not SLUG.match(folder.name):
            issues.append(
                Issue(folder, 1, Severity.ERROR, "folder names use lowercase letters, digits and -")
            )
            broken = True
            continue
        topic = _load_topic(folder, languages, required, issues)
        topic_nodes, nodes_ok = _topic_nodes(folder, nodes, languages, required, today, issues, rules)
        broken = broken or topic is None or not nodes_ok
        if topic is not None:
            ordered = tuple(n.id for n in sorted(topic_nodes, key=lambda n: (n.order, n.id)))
            topics.append(Topic(topic.id, topic.order, topic.icon, topic.titles, ordered))
    for lang in languages:  # checked like a node's examples (the answers package reads them)
        read_examples(examples_path(content_dir / OUT_OF_SCOPE_DIR, lang), issues)
    broken = not _links_ok(nodes, issues) or broken
    if contact is None or broken or any(i.severity is Severity.ERROR for i in issues):
        return None, issues
    topics.sort(key=lambda t: (t.order, t.id))
    return ContentTree(tuple(topics), nodes, contact), issues


def _subfolders(folder: Path) -> list[Path]:
    """Topic or node folders in name order; ``.hidden`` and ``_private`` ones (out-of-scope) skipped."""
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def _topic_nodes(
    folder: Path,
    nodes: dict[str, Node],
    languages: list[str],
    required: list[str],
    today: date,
    issues: list[Issue],
    rules: CheckRules,
) -> tuple[list[Node], bool]:
    """The nodes of one topic folder, added to ``nodes``; False when any is broken or a duplicate."""
    topic_nodes: list[Node] = []
    ok = True
    for sub in _subfolders(folder):
        if not SLUG.match(sub.name):
            issues.append(Issue(sub, 1, Severity.ERROR, "folder names use lowercase letters, digits and -"))
            ok = False
            continue
        node = _load_node(sub, folder.name, languages, required, today, issues, rules)
        if node is None:
            ok = False
            continue
        if node.id in nodes:
            other = nodes[node.id].path
            message = f"duplicate id {node.id} (also used by {other.parent.name}/{other.name})"
            issues.append(Issue(sub / "node.yml", 1, Severity.ERROR, message))
            ok = False
            continue
        nodes[node.id] = node
        topic_nodes.append(node)
    return topic_nodes, ok


def _links_ok(nodes: dict[str, Node], issues: list[Issue]) -> bool:
    """``related:`` ids and ``node:`` links in texts point at nodes that exist."""
    ok = True
    for node in nodes.values():
        r = Reporter(node.path / "node.yml", issues)
        for target in node.related:
            if target not in nodes:
                r.error("related", f"related: unknown node id {target!r}", node.related_line)
                ok = False
        for text in node.texts.values():
            tr = Reporter(text.path, issues)
            for offset, url in markup.links(text.body):
                if url.startswith("node:") and url[5:] not in nodes:
                    tr.error("", f"broken link: no node {url[5:]!r}", text.body_line + offset)
                    ok = False
    return ok
