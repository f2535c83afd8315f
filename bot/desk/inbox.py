"""``/inbox``: the questions people sent to the contact point (:mod:`bot.inbox`), answered by counsellors.

The list shows open threads with language, topic guess and how long the person has been waiting; a
thread's page shows its messages (escaped by Jinja2, never ``|safe``) and the forms to answer (delivered
in the person's chat), to close the thread and to save a question as a draft example for a content node.
Answering, closing and drafting are recorded in the audit log by thread number or node, never by text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from aiohttp import web

from bot.content import render
from bot.core.clock import local
from bot.desk.site import Desk
from bot.i18n.catalog import Translator
from bot.inbox.repository import Author, Message, Thread
from bot.inbox.service import InboxService

MAX_ANSWER = 4000
MAX_DRAFT = 300
# the notices and errors a redirect may name (?done=..., ?error=...): never an id taken from the address
DONE = {
    "answered": "desk-inbox-done-answered",
    "undelivered": "desk-inbox-done-undelivered",
    "closed": "desk-inbox-done-closed",
    "draft": "desk-inbox-done-draft",
}
ERRORS = {
    "empty": "desk-inbox-error-empty",
    "closed": "desk-inbox-error-closed",
    "node": "desk-inbox-error-node",
}


def register(desk: Desk) -> None:
    desk.page("/inbox", inbox, nav="desk-nav-inbox")
    desk.page("/inbox/drafts", drafts)
    desk.page("/inbox/{thread:\\d+}", thread_page)
    desk.post("/inbox/{thread:\\d+}/answer", answer)
    desk.post("/inbox/{thread:\\d+}/close", close)
    desk.post("/inbox/{thread:\\d+}/draft", draft)


def service_of(desk: Desk) -> InboxService:
    return InboxService(desk.services)


@dataclass(frozen=True, slots=True)
class Row:
    thread: Thread
    language: str
    topic: str
    waiting: str  # "" when answered
    active: str


@dataclass(frozen=True, slots=True)
class Shown:
    message: Message
    who: str
    when: str
    lines: list[str]


def _when(at: datetime) -> str:
    return local(at).strftime("%d.%m.%Y %H:%M")


def waited(t: Translator, since: datetime, now: datetime) -> str:
    """How long someone has been waiting, roughly: minutes, hours, then days."""
    minutes = max(int((now - since).total_seconds() // 60), 0)
    if minutes < 60:
        return t("desk-inbox-wait-minutes", count=minutes)
    if minutes < 48 * 60:
        return t("desk-inbox-wait-hours", count=minutes // 60)
    return t("desk-inbox-wait-days", count=minutes // (24 * 60))


def _row(service: InboxService, t: Translator, thread: Thread, now: datetime) -> Row:
    return Row(
        thread=thread,
        language=render.language_name(thread.lang, t.lang),
        topic=service.topic_title(thread.topic, t.lang) or t("inbox-staff-no-topic"),
        waiting=waited(t, thread.waiting_since, now) if thread.waiting_since else "",
        active=_when(thread.active_at),
    )


async def inbox(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    service, t = service_of(desk), desk.t()
    now = desk.services.clock.now()
    rows = [_row(service, t, thread, now) for thread in await service.inbox.open_threads()]
    closed = [_row(service, t, thread, now) for thread in await service.inbox.closed_threads()]
    notice = DONE.get(request.query.get("done", ""))
    return desk.render(request, "inbox.html", rows=rows, closed=closed, notice=notice)


def _node_options(desk: Desk, t: Translator) -> list[tuple[str, str]]:
    tree = desk.services.content.current.tree
    options = []
    for topic in tree.topics:
        for node in topic.nodes:
            title = f"{tree.topic_title(topic, t.lang)} › {tree.text(node, t.lang).title}"
            options.append((node, title))
    return options


async def thread_page(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    service, t = service_of(desk), desk.t()
    thread = await service.inbox.get(int(request.match_info["thread"]))
    if thread is None:
        raise web.HTTPNotFound(text="no such thread")
    messages = await service.inbox.messages(thread.id)
    shown = [
        Shown(
            message=m,
            who=t("desk-inbox-from-person")
            if m.author is Author.PERSON
            else t("desk-inbox-from-counsellor", name=m.staff or "?"),
            when=_when(m.created_at),
            lines=m.text.split("\n"),
        )
        for m in messages
    ]
    first = next((m.text for m in messages if m.author is Author.PERSON), "")
    nodes = _node_options(desk, t)
    tree = desk.services.content.current.tree
    topic = tree.topic(thread.topic) if thread.topic else None
    preselected = thread.node or (topic.nodes[0] if topic is not None and topic.nodes else "")
    return desk.render(
        request,
        "inbox-thread.html",
        row=_row(service, t, thread, desk.services.clock.now()),
        thread=thread,
        messages=shown,
        nodes=nodes,
        preselected=preselected,
        first=first[:MAX_DRAFT],
        max_answer=MAX_ANSWER,
        max_draft=MAX_DRAFT,
        notice=DONE.get(request.query.get("done", "")),
        error=ERRORS.get(request.query.get("error", "")),
    )


async def answer(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    thread_id = int(request.match_info["thread"])
    form = await desk.form(request)
    text = form.get("text", "").replace("\r\n", "\n").strip()[:MAX_ANSWER]
    if not text:
        return desk.redirect(request, f"/inbox/{thread_id}?error=empty")
    delivery = await service_of(desk).answer(thread_id, desk.staff(request).name, text)
    if delivery is None:
        return desk.redirect(request, f"/inbox/{thread_id}?error=closed")
    await desk.audit(request, "inbox_answer", f"thread:{thread_id}")
    done = "answered" if delivery.delivered else "undelivered"
    return desk.redirect(request, f"/inbox/{thread_id}?done={done}")


async def close(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    thread_id = int(request.match_info["thread"])
    if not await service_of(desk).close(thread_id):
        return desk.redirect(request, f"/inbox/{thread_id}?error=closed")
    await desk.audit(request, "inbox_close", f"thread:{thread_id}")
    return desk.redirect(request, "/inbox?done=closed")


async def draft(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    service = service_of(desk)
    thread_id = int(request.match_info["thread"])
    thread = await service.inbox.get(thread_id)
    if thread is None:
        raise web.HTTPNotFound(text="no such thread")
    form = await desk.form(request)
    node = form.get("node", "")
    question = " ".join(form.get("question", "").split())[:MAX_DRAFT]
    if node not in desk.services.content.current.tree.nodes:
        return desk.redirect(request, f"/inbox/{thread_id}?error=node")
    if not question:
        return desk.redirect(request, f"/inbox/{thread_id}?error=empty")
    staff = desk.staff(request).name
    await service.inbox.add_draft(node, thread.lang, question, staff, desk.services.clock.now())
    await desk.audit(request, "inbox_draft", f"node:{node}")
    return desk.redirect(request, f"/inbox/{thread_id}?done=draft")


async def drafts(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    service, t = service_of(desk), desk.t()
    rows = [
        (d, render.language_name(d.lang, t.lang), _when(d.created_at)) for d in await service.inbox.drafts()
    ]
    return desk.render(request, "inbox-drafts.html", rows=rows)
