# The newcomers' bot. Build: docker build -t newcomers-bot .   Run: docker run -v botdata:/data --env-file .env newcomers-bot
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BOT_DATA_DIR=/data

WORKDIR /app
COPY pyproject.toml constraints.txt README.md ./
COPY bot ./bot
RUN pip install -c constraints.txt .
COPY content ./content
COPY locales ./locales

RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin bot \
    && mkdir -p /data && chown bot:bot /data && chmod 0700 /data
USER bot
VOLUME ["/data"]

# content and locales are read from /app (mount over them to edit content without rebuilding)
ENV BOT_CONTENT_DIR=/app/content BOT_LOCALES_DIR=/app/locales BOT_HTTP_PORT=8080
# /healthz answers 200 when the database and the content are fine (slim images have no curl)
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['BOT_HTTP_PORT'], timeout=4)"]
STOPSIGNAL SIGTERM
CMD ["python", "-m", "bot", "run"]
