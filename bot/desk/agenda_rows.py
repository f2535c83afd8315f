"""The agenda's table rows as HTML, built in Python: with 200 appointments a day, Jinja2's per-value work
(attribute lookups, escaping, ~50 yields per row) was most of the page's time. Every value from the
database is escaped here with MarkupSafe, as the template would; the labels come pre-escaped, once a page.
The markup mirrors ``templates/agenda.html`` (classes from ``static/desk.css``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from markupsafe import Markup, escape

_ROW = (
    '<tr id="b-{id}" class="status-{status}{found}">'
    '<td data-label="{l_time}">{time}</td>'
    '<td data-label="{l_language}">{language}</td>'
    '<td data-label="{l_code}"><code>{code}</code></td>'
    '<td data-label="{l_topic}">{topic}</td>'
    '<td data-label="{l_status}"><span class="badge">{status_label}</span>{reason}</td>'
    '<td data-label="{l_name}">{name}</td>'
    '<td data-label="{l_phone}">{phone}</td>'
    '<td data-label="{l_actions}"><div class="actions">{actions}</div></td>'
    "</tr>\n"
)
_FORM = (
    '<form method="post" action="/agenda/{id}/{verb}">{token}'
    '<button type="submit">{label}<span class="sr-only"> {code}</span></button></form>'
)
_CANCEL = '<a class="button" href="/agenda/{id}/cancel">{label}<span class="sr-only"> {code}</span></a>'
_ACCOUNT = '<a href="/accounts/{account}">{label}</a>'
_NONE = "–"


class RowLike(Protocol):
    @property
    def stored_code(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def time(self) -> str: ...
    @property
    def topic(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def can_no_show(self) -> bool: ...
    @property
    def reason(self) -> str: ...
    @property
    def first_name(self) -> str | None: ...
    @property
    def phone(self) -> str | None: ...
    @property
    def account(self) -> int | None: ...


def rows_html(
    rows: Iterable[tuple[str, RowLike]],
    labels: Mapping[str, Markup],
    statuses: Mapping[str, Markup],
    token_field: Markup,
    highlight: str,
    accounts: Mapping[int, Markup],
) -> Markup:
    """``rows``: (language name, row) in display order; ``accounts``: the escaped mark of each account with
    more than one appointment ahead, shown as a link to the account's page on each of its rows."""
    fixed = {f"l_{key}": value for key, value in labels.items()}
    out = []
    for language, row in rows:
        ident = escape(row.stored_code)
        code = escape(row.code)
        actions = ""
        if row.status == "booked":
            actions += _FORM.format(
                id=ident, verb="arrived", token=token_field, label=labels["arrived"], code=code
            )
            if row.can_no_show:
                actions += _FORM.format(
                    id=ident, verb="noshow", token=token_field, label=labels["no_show"], code=code
                )
        if row.status in ("booked", "arrived"):
            actions += _CANCEL.format(id=ident, label=labels["cancel"], code=code)
        if row.account is not None and row.account in accounts:
            actions += _ACCOUNT.format(account=int(row.account), label=accounts[row.account])
        phone = f'<a href="tel:{escape(row.phone)}">{escape(row.phone)}</a>' if row.phone else _NONE
        out.append(
            _ROW.format(
                id=ident,
                status=escape(row.status),
                found=" found" if row.stored_code == highlight else "",
                time=escape(row.time),
                language=escape(language),
                code=code,
                topic=escape(row.topic),
                status_label=statuses.get(row.status, ""),
                reason=f' <span class="muted">{escape(row.reason)}</span>' if row.reason else "",
                name=escape(row.first_name) if row.first_name else _NONE,
                phone=phone,
                actions=actions,
                **fixed,
            )
        )
    return Markup("".join(out))
