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
    && mkdir -p /data && chown bot:bot /data
USER bot
VOLUME ["/data"]

# content and locales are read from /app (mount over them to edit content without rebuilding)
ENV BOT_CONTENT_DIR=/app/content BOT_LOCALES_DIR=/app/locales
CMD ["python", "-m", "bot", "run"]
