"""The Telegram channel's words in the person's language: page buttons, pages of a long keyboard."""

from __future__ import annotations

from bot.channels.telegram_render import (
    MAX_UNPAGED,
    Keyboard,
    OutMessage,
    PageLabels,
    PageRef,
    keyboard_for,
    render,
)
from bot.channels.telegram_updates import CHANNEL
from bot.core.events import Choice, Reply
from bot.core.services import ChannelServices
from bot.i18n.catalog import negotiate


class Wording:
    """Languages resolved as the core does (stored, platform's, default), page labels cached per language."""

    def __init__(self, services: ChannelServices) -> None:
        self.services = services
        self._labels: dict[str, PageLabels] = {}

    def forget(self) -> None:
        """Edited locales (hot reload): the labels are read again."""
        self._labels.clear()

    def labels(self, lang: str) -> PageLabels:
        labels = self._labels.get(lang)
        if labels is None:
            t = self.services.content.current.catalog.translator(lang)
            labels = PageLabels(t("telegram-page-previous"), t("telegram-page-next"))
            self._labels[lang] = labels
        return labels

    async def language(self, user_ref: str | None, platform_lang: str | None) -> str:
        """The user's language for what the channel says itself (stored, platform's, default)."""
        catalog = self.services.content.current.catalog
        stored = await self.services.sessions.language_of_ref(CHANNEL, user_ref) if user_ref else None
        return negotiate(stored, platform_lang, catalog.languages, catalog.default)

    async def rendered(
        self, replies: list[Reply], lang: str | None, user_ref: str | None
    ) -> list[OutMessage]:
        """The core's replies as Telegram messages; the language matters only for page buttons."""
        if lang is None and any(len(r.choices) > MAX_UNPAGED for r in replies):
            lang = await self.language(user_ref, None) if user_ref else self.services.staff_language
        return render(replies, self.labels(lang or self.services.content.current.catalog.default))

    async def page(self, user_ref: str, page: PageRef, lang_code: str | None) -> Keyboard | None:
        """Another page of a long keyboard, from the choices stored for the user's last answer.

        None when those choices are gone (the user went on since): the press is then stale.
        """
        sessions = self.services.sessions
        if await sessions.find(CHANNEL, user_ref) is None:
            return None
        session = await sessions.load(CHANNEL, user_ref, self.services.clock.now())
        stored = session.choices[page.first : page.first + page.count]
        if len(stored) != page.count:
            return None
        lang = await self.language(user_ref, lang_code)
        choices = [Choice(action, label) for action, label in stored]
        return keyboard_for(choices, page.first, page.page, self.labels(lang))
