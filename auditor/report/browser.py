"""Headless Chromium for the HTML report's browser tests and load benchmark.

Debian's ``chromium`` package driven by Playwright (the ``test`` extra); no
browser is downloaded.  Nothing in the auditor itself needs a browser: this
module only imports Playwright when a browser is actually launched, and
:func:`unavailable` says why one cannot be (so callers can skip or note it
instead of failing).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["CHROMIUM", "LAUNCH_ARGS", "unavailable", "chromium", "block_network"]

#: Debian's chromium; ``AUDITOR_CHROMIUM`` points elsewhere
CHROMIUM = Path(os.environ.get("AUDITOR_CHROMIUM") or "/usr/bin/chromium")

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def unavailable() -> str | None:
    """Why no browser can be launched here, or None when one can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not installed (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright not installed (pip install -e '.[test]')"
    return None


@contextmanager
def chromium(extra_args: list[str] | None = None) -> Iterator[object]:
    """A headless Chromium ``Browser`` (Playwright sync API), closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS + list(extra_args or []))
        try:
            yield browser
        finally:
            browser.close()


def block_network(context) -> None:
    """Refuse every request of a browser context that is not ``file:`` or ``data:``."""
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort(),
    )
