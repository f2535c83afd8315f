#!/usr/bin/env python3
"""Print how many content nodes there are and how many of their source URLs are bare homepages.

A homepage is a URL without a path (``https://www.dortmund.de`` or ``.../``): nobody can check a
fact against it. Run from the repository root: ``.venv/bin/python scripts/source-stats.py [content]``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlparse

import yaml


def is_homepage(url: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.netloc) and parsed.path.strip("/") == "" and not parsed.query


def main(argv: list[str]) -> int:
    content = Path(argv[1]) if len(argv) > 1 else Path("content")
    nodes = sorted(content.glob("*/*/node.yml"))
    urls: list[tuple[str, str]] = []
    for path in nodes:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for source in raw.get("sources") or []:
            url = str(source.get("url") or "") if isinstance(source, dict) else ""
            if url:
                urls.append((str(path.parent.relative_to(content)), url))
    homepages = [(node, url) for node, url in urls if is_homepage(url)]
    print(f"nodes: {len(nodes)}")
    print(f"source URLs: {len(urls)}")
    print(f"homepage URLs (no path): {len(homepages)}")
    for node, url in homepages:
        print(f"  {node}: {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
