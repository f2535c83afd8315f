"""The network seam for python-telegram-bot: Bot API calls over one aiohttp session.

PTB's default ``HTTPXRequest`` spends much of a core managing its connection pool when many requests
are in flight; aiohttp's keep-alive pool is far cheaper, so the bot handles several times more
updates per second on the same machine. PTB turns status codes and payloads into its exceptions
(``RetryAfter``, ``Forbidden``...) in ``BaseRequest``; this class only moves bytes.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData
from telegram.request._requestparameter import RequestParameter

DEFAULT_READ = 5.0
DEFAULT_CONNECT = 5.0
JSON_HEADERS = {"Content-Type": "application/json"}


def json_data(parameters: dict[str, Any]) -> RequestData:
    """Parameters that are JSON-ready already: the sender's calls skip PTB's object conversion.

    ``RequestParameter`` is PTB's internal building block of ``RequestData`` (pinned to PTB 22).
    """
    return RequestData([RequestParameter(name, value, None) for name, value in parameters.items()])


class AiohttpRequest(BaseRequest):
    """A :class:`telegram.request.BaseRequest` on ``aiohttp.ClientSession``.

    ``pool_size`` bounds the open connections (and so the requests in flight); ``read_timeout``
    is the default for every call (getUpdates passes its own, longer one for long polling).
    """

    __slots__ = ("_connect_timeout", "_pool_size", "_read_timeout", "_session")

    def __init__(
        self,
        pool_size: int = 128,
        read_timeout: float | None = DEFAULT_READ,
        connect_timeout: float | None = DEFAULT_CONNECT,
    ) -> None:
        self._pool_size = pool_size
        self._read_timeout = read_timeout
        self._connect_timeout = connect_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size, ttl_dns_cache=300)
            # no default timeout here: each call gets its own below
            self._session = aiohttp.ClientSession(
                connector=connector,
                timeout=aiohttp.ClientTimeout(total=None),
                json_serialize=json.dumps,
                skip_auto_headers=("User-Agent",),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        read = self._read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = self._connect_timeout if isinstance(connect_timeout, DefaultValue) else connect_timeout
        pool = None if isinstance(pool_timeout, DefaultValue) else pool_timeout
        write = None if isinstance(write_timeout, DefaultValue) else write_timeout
        # aiohttp has no separate write timeout: the read deadline starts once the request is sent,
        # so a call may take up to write + read in all
        total = None if read is None else read + (write or 0.0) + (connect or 0.0) + (pool or 0.0)
        timeout = aiohttp.ClientTimeout(total=total, sock_connect=connect, sock_read=read)
        data: Any = None
        headers = None
        if request_data is not None:
            if request_data.contains_files:
                form = aiohttp.FormData()
                for name, value in request_data.json_parameters.items():
                    form.add_field(name, value)
                for name, part in request_data.multipart_data.items():
                    filename, content, mimetype = part[0], part[1], part[2] if len(part) > 2 else None
                    form.add_field(name, content, filename=filename, content_type=mimetype)
                data = form
            else:
                # a JSON body: one C-speed dumps, nested objects as objects (Telegram accepts JSON)
                data = json.dumps(request_data.parameters, ensure_ascii=False).encode()
                headers = JSON_HEADERS
        try:
            async with self._session.request(
                method, url, data=data, headers=headers, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            # the class name alone: aiohttp's messages may carry the URL, and the URL the token
            raise NetworkError(f"aiohttp.{exc.__class__.__name__}") from exc
