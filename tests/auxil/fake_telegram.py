"""A fake Telegram Bot API server on 127.0.0.1, speaking real HTTP (aiohttp), for tests and benchmarks.

The real python-telegram-bot ``Application`` talks to it through ``base_url``
(``http://127.0.0.1:<port>/bot``; PTB appends the token). It implements what the bot uses: getMe,
getUpdates (long polling, offsets, limit), sendMessage, editMessageText, editMessageReplyMarkup,
answerCallbackQuery, setMyCommands, deleteWebhook, setWebhook, getWebhookInfo. Errors are injected
per method (and optionally per chat): 429 with ``retry_after``, 5xx, timeouts (the request is held and
never answered), 403 for users who "blocked" the bot. A simulated network latency applies to every call.

In-process use (tests): ``async with FakeTelegram() as tg: ...``; ``tg.user(...)`` builds users who
send messages, press buttons and stickers. Out-of-process use (benchmarks):
``python -m tests.auxil.fake_telegram --port 0 --latency 0.05`` prints ``PORT <n>`` and is driven
through ``/_control/*`` JSON endpoints.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-token-for-the-fake-server"
BOT_ID = 123456
BOT_USERNAME = "newcomers_test_bot"
# parameters that form-encoded requests carry as JSON strings
JSON_FIELDS = frozenset({"reply_markup", "commands", "allowed_updates", "link_preview_options", "scope"})


@dataclass
class Sent:
    """One call the bot made that changes what a user sees (or answers a button press)."""

    method: str
    chat_id: int
    text: str
    params: dict[str, Any]
    message_id: int
    at: float  # the server's clock (time.monotonic() unless a test gives a fake one) when it accepted it

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback_data) of the inline keyboard, row by row."""
        markup = self.params.get("reply_markup")
        if not markup:
            return []
        rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
        return [(b.get("text", ""), b.get("callback_data", "")) for row in rows for b in row]

    def as_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "chat_id": self.chat_id,
            "text": self.text,
            "message_id": self.message_id,
            "at": self.at,
            "buttons": self.buttons,
        }


@dataclass
class Fault:
    kind: str  # "429", "500", "timeout", "403", "400"
    count: int
    chat_id: int | None = None
    retry_after: int = 1


@dataclass
class FakeUser:
    """A Telegram user (and their private chat) who talks to the fake server's bot."""

    server: FakeTelegram
    id: int
    language_code: str | None = "ro"
    first_name: str = "Test"

    def _from(self) -> dict[str, Any]:
        user: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.language_code:
            user["language_code"] = self.language_code
        return user

    def message(self, text: str = "", chat: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
        msg: dict[str, Any] = {
            "message_id": self.server.next_message_id(),
            "date": int(time.time()),
            "chat": chat or {"id": self.id, "type": "private", "first_name": self.first_name},
            "from": self._from(),
            **extra,
        }
        if text:
            msg["text"] = text
            if text.startswith("/"):
                msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return msg

    def says(self, text: str, chat: dict[str, Any] | None = None) -> int:
        return self.server.push({"message": self.message(text, chat)})

    def sends(self, media: str, chat: dict[str, Any] | None = None) -> int:
        """A sticker, photo, voice, video, document or location."""
        file = {"file_id": f"file-{media}", "file_unique_id": f"u-{media}"}
        payloads: dict[str, Any] = {
            "sticker": {
                **file,
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            },
            "photo": [{**file, "width": 90, "height": 90}],
            "voice": {**file, "duration": 3},
            "video": {**file, "width": 320, "height": 240, "duration": 3},
            "document": {**file, "file_name": "scan.pdf"},
            "location": {"latitude": 51.5136, "longitude": 7.4653},
        }
        return self.server.push({"message": self.message(chat=chat, **{media: payloads[media]})})

    def edits(self, message_id: int, text: str) -> int:
        msg = self.message(text)
        msg["message_id"] = message_id
        msg["edit_date"] = int(time.time())
        return self.server.push({"edited_message": msg})

    def presses(self, data: str, message_id: int | None = None, chat_id: int | None = None) -> int:
        """Press an inline button with this callback data (any data: forged ones too)."""
        query_id = f"cq{next(self.server.query_ids)}"
        message = {
            "message_id": message_id or self.server.last_message_id(chat_id or self.id),
            "date": int(time.time()),
            "chat": {"id": chat_id or self.id, "type": "private" if chat_id is None else "supergroup"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Bot", "username": BOT_USERNAME},
            "text": "…",
        }
        self.server.push(
            {
                "callback_query": {
                    "id": query_id,
                    "from": self._from(),
                    "chat_instance": f"ci{self.id}",
                    "data": data,
                    "message": message,
                }
            }
        )
        return int(query_id[2:])


class FakeTelegram:
    """The server: ``base_url`` to give the bot, what it sent, users to drive it, faults to inject."""

    def __init__(
        self, latency: float = 0.0, token: str = TOKEN, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.token = token
        self.clock = clock
        self.latency = latency
        self.updates: deque[dict[str, Any]] = deque()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self.query_ids = itertools.count(1)
        self._new_updates = asyncio.Event()
        self.sent: list[Sent] = []
        self.answered: dict[str, dict[str, Any]] = {}  # callback query id -> its answer
        self.commands: dict[str, list[dict[str, str]]] = {}  # language code ("" default) -> commands
        self.calls: defaultdict[str, int] = defaultdict(int)
        self.in_flight = 0  # calls being answered now (long polls not counted)
        self.most_in_flight = 0
        self.faults: dict[str, list[Fault]] = defaultdict(list)
        self.blocked: set[int] = set()
        self.webhook: dict[str, Any] = {}
        self.last_ids: dict[int, int] = {}
        self.confirmed_offset = 0
        self.fetched: defaultdict[int, int] = defaultdict(int)  # update id -> times getUpdates returned it
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._sent_changed = asyncio.Condition()

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self, port: int = 0) -> None:
        app = web.Application(client_max_size=8 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_post("/_control/updates", self._control_updates)
        app.router.add_get("/_control/sent", self._control_sent)
        app.router.add_get("/_control/stats", self._control_stats)
        app.router.add_post("/_control/config", self._control_config)
        # held requests (long polls, injected timeouts) must not hold up the end of a test
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=0.2)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port, backlog=1024)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # -- driving it --------------------------------------------------------------------------

    def user(self, user_id: int, language_code: str | None = "ro", first_name: str = "Test") -> FakeUser:
        return FakeUser(self, user_id, language_code, first_name)

    def next_message_id(self) -> int:
        return next(self._message_ids)

    def last_message_id(self, chat_id: int) -> int:
        return self.last_ids.get(chat_id, 1)

    def push(self, update: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        self.updates.append({"update_id": update_id, **update})
        self._new_updates.set()
        return update_id

    def fail(
        self, method: str, kind: str, count: int = 1, chat_id: int | None = None, retry_after: int = 1
    ) -> None:
        """The next ``count`` calls of ``method`` (to ``chat_id``, if given) fail with ``kind``."""
        self.faults[method].append(Fault(kind, count, chat_id, retry_after))

    def to(self, chat_id: int) -> list[Sent]:
        return [s for s in self.sent if s.chat_id == chat_id]

    async def wait_sent(self, count: int, chat_id: int | None = None, within: float = 10.0) -> list[Sent]:
        """Wait until at least ``count`` messages went to ``chat_id`` (or anywhere); return them."""

        def done() -> bool:
            return len(self.to(chat_id) if chat_id is not None else self.sent) >= count

        async with self._sent_changed:
            try:
                await asyncio.wait_for(self._sent_changed.wait_for(done), within)
            except TimeoutError:
                got = self.to(chat_id) if chat_id is not None else self.sent
                raise AssertionError(f"waited for {count} messages, got {len(got)}: {got}") from None
        return self.to(chat_id) if chat_id is not None else list(self.sent)

    async def wait_answered(self, query_id: int, within: float = 10.0) -> dict[str, Any]:
        deadline = time.monotonic() + within
        while f"cq{query_id}" not in self.answered:
            if time.monotonic() > deadline:
                raise AssertionError(f"callback query cq{query_id} was never answered")
            await asyncio.sleep(0.01)
        return self.answered[f"cq{query_id}"]

    async def wait_idle(self, quiet: float = 0.3, within: float = 10.0) -> None:
        """Wait until every update was fetched and nothing was sent for ``quiet`` seconds."""
        deadline = time.monotonic() + within
        seen = -1
        calm_since = time.monotonic()
        while time.monotonic() < deadline:
            if self.updates or len(self.sent) != seen:
                seen = len(self.sent)
                calm_since = time.monotonic()
            elif time.monotonic() - calm_since >= quiet:
                return
            await asyncio.sleep(0.02)
        raise AssertionError("the bot did not become idle")

    # -- the Bot API -------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            raw: dict[str, Any] = await request.json()
        else:
            raw = dict(await request.post()) if request.body_exists else dict(request.query)
        params: dict[str, Any] = {}
        for key, value in raw.items():
            if key in JSON_FIELDS and isinstance(value, str):
                try:
                    params[key] = json.loads(value)
                    continue
                except ValueError:
                    pass
            params[key] = value
        return params

    def _fault(self, method: str, chat_id: int | None) -> Fault | None:
        for fault in self.faults.get(method, []):
            if fault.count > 0 and (fault.chat_id is None or fault.chat_id == chat_id):
                fault.count -= 1
                return fault
        return None

    async def _api(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await self._params(request)
        self.calls[method] += 1
        if method == "getUpdates":
            return await self._answer(method, params)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.latency:
                await asyncio.sleep(self.latency)
            return await self._answer(method, params)
        finally:
            self.in_flight -= 1

    async def _answer(self, method: str, params: dict[str, Any]) -> web.StreamResponse:
        chat_id = _int(params.get("chat_id"))
        fault = self._fault(method, chat_id)
        if fault is not None:
            if fault.kind == "timeout":
                await asyncio.sleep(3600)  # never answered: the client times out
            if fault.kind == "429":
                return _error(
                    429,
                    f"Too Many Requests: retry after {fault.retry_after}",
                    {"retry_after": fault.retry_after},
                )
            if fault.kind == "403":
                return _error(403, "Forbidden: bot was blocked by the user")
            if fault.kind == "400":
                return _error(400, "Bad Request: chat not found")
            return _error(int(fault.kind) if fault.kind.isdigit() else 500, "Internal Server Error")
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return _error(404, "Not Found: method not found")
        result = await handler(params)
        if isinstance(result, web.Response):
            return result
        return web.json_response({"ok": True, "result": result})

    async def _m_getMe(self, params: dict[str, Any]) -> Any:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Newcomers",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _m_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = _int(params.get("offset")) or 0
        limit = min(max(_int(params.get("limit")) or 100, 1), 100)
        timeout = float(params.get("timeout") or 0)
        if offset:
            self.confirmed_offset = max(self.confirmed_offset, offset)
            while self.updates and self.updates[0]["update_id"] < offset:
                self.updates.popleft()
        if self.latency:
            await asyncio.sleep(self.latency)
        if not self.updates and timeout > 0:
            self._new_updates.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_updates.wait(), timeout)
        batch = list(itertools.islice(self.updates, limit))
        for update in batch:
            self.fetched[update["update_id"]] += 1
        return batch

    async def _record(self, method: str, params: dict[str, Any], message_id: int | None = None) -> Any:
        chat_id = _int(params.get("chat_id")) or 0
        if chat_id in self.blocked:
            return _error(403, "Forbidden: bot was blocked by the user")
        text = str(params.get("text", ""))
        if method == "sendMessage":
            if not text or len(text) > 4096:
                return _error(400, "Bad Request: message text is empty or too long")
            message_id = self.next_message_id()
            self.last_ids[chat_id] = message_id
        assert message_id is not None
        self.sent.append(Sent(method, chat_id, text, params, message_id, self.clock()))
        async with self._sent_changed:
            self._sent_changed.notify_all()
        result: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Newcomers", "username": BOT_USERNAME},
            "text": text,
        }
        if isinstance(params.get("reply_markup"), dict):
            result["reply_markup"] = params["reply_markup"]
        return result

    async def _m_sendMessage(self, params: dict[str, Any]) -> Any:
        return await self._record("sendMessage", params)

    async def _m_editMessageText(self, params: dict[str, Any]) -> Any:
        return await self._record("editMessageText", params, _int(params.get("message_id")) or 0)

    async def _m_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        return await self._record("editMessageReplyMarkup", params, _int(params.get("message_id")) or 0)

    async def _m_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        self.answered[str(params.get("callback_query_id"))] = params
        return True

    async def _m_setMyCommands(self, params: dict[str, Any]) -> Any:
        self.commands[str(params.get("language_code") or "")] = list(params.get("commands") or [])
        return True

    async def _m_deleteMyCommands(self, params: dict[str, Any]) -> Any:
        self.commands.pop(str(params.get("language_code") or ""), None)
        return True

    async def _m_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = {}
        return True

    async def _m_setWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = params
        return True

    async def _m_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": 0,
        }

    async def _m_close(self, params: dict[str, Any]) -> Any:
        return True

    # -- control endpoints (benchmarks drive a server in another process) --------------------

    async def _control_updates(self, request: web.Request) -> web.Response:
        updates = await request.json()
        ids = [self.push(u) for u in updates]
        return web.json_response({"first": ids[0] if ids else None, "count": len(ids)})

    async def _control_sent(self, request: web.Request) -> web.Response:
        since = int(request.query.get("since", "0"))
        return web.json_response([s.as_json() for s in self.sent[since:]])

    async def _control_stats(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "pending": len(self.updates),
                "sent": len(self.sent),
                "answered": len(self.answered),
                "calls": dict(self.calls),
                "confirmed_offset": self.confirmed_offset,
            }
        )

    async def _control_config(self, request: web.Request) -> web.Response:
        config = await request.json()
        if "latency" in config:
            self.latency = float(config["latency"])
        if config.get("reset"):
            self.sent.clear()
            self.answered.clear()
            self.calls.clear()
        return web.json_response({"latency": self.latency})


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _error(code: int, description: str, parameters: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=code)


async def _serve(port: int, latency: float) -> None:
    server = FakeTelegram(latency=latency)
    await server.start(port)
    print(f"PORT {server.port}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="fake Telegram Bot API server on 127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args()
    asyncio.run(_serve(args.port, args.latency))


if __name__ == "__main__":
    main()
