"""``/content``: what the content needs from staff. Nodes whose texts use facts of the contact point that
are not confirmed, reviews older than the content check's limit (12 months), missing and outdated
translations, and the unanswered questions of the last 90 days by language (``content gaps``).

Read from the content in force (the last version that passed ``content check``) and the gaps table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from aiohttp import web

from bot.answers.gaps import KEEP_DAYS, Gap, Gaps
from bot.content.loader import PLACEHOLDER, CheckRules, load_check_rules
from bot.content.tree import ContentTree
from bot.core.clock import local
from bot.desk.site import Desk

MAX_GAPS_PER_LANGUAGE = 50


def register(desk: Desk) -> None:
    desk.page("/content", content_status, nav="desk-nav-content")


@dataclass(frozen=True, slots=True)
class Finding:
    node: str
    lang: str  # "" for the node as a whole
    detail: str  # a date or the facts concerned
    path: str


@dataclass(frozen=True, slots=True)
class GapGroup:
    lang: str
    questions: int
    asked: int
    gaps: list[Gap]


def unconfirmed(tree: ContentTree, root: str) -> list[Finding]:
    """Texts using ``{{ hours }}`` or ``{{ address }}`` while those facts are not confirmed."""
    doubtful = set()
    if not tree.contact.hours.confirmed:
        doubtful.add("hours")
    if any(not site.confirmed for site in tree.contact.sites):
        doubtful.add("address")
    found = []
    for node_id, node in sorted(tree.nodes.items()):
        for lang, text in sorted(node.texts.items()):
            used = sorted({m.group(1) for m in PLACEHOLDER.finditer(text.body)} & doubtful)
            if used:
                found.append(Finding(node_id, lang, ", ".join(used), _rel(text.path, root)))
    return found


def stale(tree: ContentTree, today: date, root: str, rules: CheckRules | None = None) -> list[Finding]:
    """Nodes and translations reviewed longer ago than ``content/checks.yml`` allows."""
    rules = rules or CheckRules()
    found = []
    for node_id, node in sorted(tree.nodes.items()):
        if rules.stale(node.reviewed, today):
            found.append(Finding(node_id, "", node.reviewed.isoformat(), _rel(node.path, root)))
        for lang, text in sorted(node.texts.items()):
            if text.reviewed != node.reviewed and rules.stale(text.reviewed, today):
                found.append(Finding(node_id, lang, text.reviewed.isoformat(), _rel(text.path, root)))
    return found


def translations(tree: ContentTree, languages: list[str], root: str) -> tuple[list[Finding], list[Finding]]:
    """(missing, outdated): a language without a text; a text reviewed before its node was."""
    missing, outdated = [], []
    for node_id, node in sorted(tree.nodes.items()):
        for lang in languages:
            text = node.texts.get(lang)
            if text is None:
                missing.append(Finding(node_id, lang, "", _rel(node.path, root)))
            elif text.reviewed < node.reviewed:
                detail = f"{text.reviewed.isoformat()} < {node.reviewed.isoformat()}"
                outdated.append(Finding(node_id, lang, detail, _rel(text.path, root)))
    return missing, outdated


def group_gaps(gaps: list[Gap]) -> list[GapGroup]:
    groups = []
    for lang in dict.fromkeys(g.lang for g in gaps):
        mine = [g for g in gaps if g.lang == lang]
        groups.append(GapGroup(lang, len(mine), sum(g.count for g in mine), mine[:MAX_GAPS_PER_LANGUAGE]))
    return groups


def _rel(path: object, root: str) -> str:
    text = str(path)
    return text[len(root) :].lstrip("/") if text.startswith(root) else text


async def content_status(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    library = desk.services.content.current
    tree = library.tree
    now = desk.services.clock.now()
    root = str(desk.settings.content_dir.parent)
    missing, outdated = translations(tree, list(desk.settings.required_languages), root)
    gaps = await Gaps(desk.services.db).list(now)
    rules = load_check_rules(desk.settings.content_dir / "checks.yml", [])
    return desk.render(
        request,
        "content.html",
        unconfirmed=unconfirmed(tree, root),
        stale=stale(tree, local(now).date(), root, rules),
        stale_days=round(rules.review_max_age_months * 365 / 12),
        missing=missing,
        outdated=outdated,
        gap_groups=group_gaps(gaps),
        gap_days=KEEP_DAYS,
        version=library.version,
    )
