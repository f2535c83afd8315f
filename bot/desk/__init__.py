"""The contact point's desk: a staff web page served by the bot process on 127.0.0.1:``BOT_DESK_PORT``.

Server-rendered HTML (Jinja2, autoescape on), no JavaScript, UI texts in Fluent (``locales/<lang>/desk*.ftl``,
German by default). Meant to sit behind the city's TLS proxy (README, "The desk").

Modules
-------
- ``site.py``: :class:`Desk`, the aiohttp application: session and CSRF middleware, templates, the page
  registry, the audit log. ``Desk.of(request)`` gives it to a handler.
- ``pages.py``: ``PAGES``, the list of page modules. **Adding a page is one line there.**
- ``accounts.py``: staff accounts (argon2), sessions, lockout. ``audit.py``: who did what.
- ``agenda.py``, ``booking_accounts.py`` (the chat accounts that book), ``content_status.py``, ``users.py``,
  ``auth.py``: the pages of this package.
- ``server.py``: ``start_desk(...)`` (called by ``bot.app`` when ``desk_port`` is set).
- Migration ``bot/store/migrations/0006_desk.sql`` (staff accounts, sessions, audit); the inbox takes 0007.

How to add a page (e.g. the counsellors' inbox)
-----------------------------------------------
1. ``bot/desk/inbox.py`` with a ``register(desk)`` function and its handlers::

       from aiohttp import web
       from bot.desk.site import Desk

       def register(desk: Desk) -> None:
           desk.page("/inbox", inbox, nav="desk-nav-inbox")      # GET; ``nav``: a link in the top bar
           desk.post("/inbox/{thread}/answer", answer)           # POST: CSRF is checked before it runs
           # admin=True on either: only admins (counsellors get 403)

       async def inbox(request: web.Request) -> web.StreamResponse:
           desk = Desk.of(request)
           staff = desk.staff(request)          # the logged-in StaffUser (name, role); pages need a session
           rows = ...                           # desk.services: FeatureServices (db, clock, content, outbox,
                                                # staff_language, spawn); desk.settings: Settings
           return desk.render(request, "inbox.html", rows=rows)

       async def answer(request: web.Request) -> web.StreamResponse:
           desk = Desk.of(request)
           form = await desk.form(request)      # the POSTed fields (CSRF already checked)
           ...
           await desk.audit(request, "answer", f"thread:{thread_id}")  # never the person's data
           return desk.redirect(request, "/inbox")   # 303 (POST/redirect/GET)

2. ``bot/desk/templates/inbox.html``::

       {% extends "base.html" %}
       {% block title %}{{ t("desk-inbox-title") }}{% endblock %}
       {% block main %}
         <form method="post" action="/inbox/{{ row.id }}/answer">
           {{ csrf() }}
           <label for="answer-{{ row.id }}">{{ t("desk-inbox-answer") }}</label>
           <textarea id="answer-{{ row.id }}" name="text" required></textarea>
           <button type="submit">{{ t("desk-inbox-send") }}</button>
         </form>
       {% endblock %}

   In templates: ``t(id, **args)`` (Fluent, the staff member's language), ``csrf()`` (the hidden field
   every form needs; a POST without it gets 403), ``staff`` (name, role), ``path``. Values are escaped by
   Jinja2; never mark person text ``|safe``. Every field needs a ``<label for>``. Classes from
   ``static/desk.css``: ``table.rows``, ``.actions``, ``.notice``, ``.error``, ``.muted``, ``.badge``.
3. Texts in ``locales/{de,ro,bg,en}/desk-inbox.ftl`` (ids ``desk-inbox-*``); ``desk.ftl`` belongs to the desk.
4. One line in ``bot/desk/pages.py``: add ``inbox`` to ``PAGES`` (and its import).

Tests: ``tests/desk/conftest.py`` has ``desk`` (a Desk over a fresh database, fixed clock) and ``client``
(an aiohttp test client logged in as counsellor ``anna``; ``admin_client`` as admin ``root``) and
``csrf_of(html)`` to pull the token from a page. The browser test (``tests/desk/test_browser.py``) uses
``live_desk`` (a real server) and ``browser_page`` (playwright on /usr/bin/chromium).
"""
