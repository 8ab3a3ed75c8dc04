"""The HTML report of real runs (the seed, the shared corpus) opens offline in Chromium.

Every request the page makes is refused unless it is file: or data:, so any
dependency on the network would show up as a failed load or a console error.
"""

from __future__ import annotations

from datetime import date

import pytest

from auditor.api import audit
from auditor.report.browser import block_network
from auditor.report.writers import write_outputs
from tests.conftest import REAL, SEEDS
from tests.report.test_html import CHROMIUM, Opened, browser, opened  # noqa: F401  (fixtures)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium not installed")


def _report(tmp_path, root):
    result = audit([root], today=date(2026, 11, 28))
    write_outputs(result, tmp_path, ["html"])
    return result, tmp_path / "report.html"


@pytest.mark.parametrize("root", [SEEDS, REAL], ids=["seed", "real"])
def test_report_loads_offline(browser, tmp_path, root):  # noqa: F811
    if not root.is_dir():
        pytest.skip(f"{root} not present")
    result, path = _report(tmp_path, root)
    context = browser.new_context()
    block_network(context)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector("html.js-ready")
    assert errors == []
    assert int(page.get_attribute("#finding-count", "data-shown")) == len(result.findings)
    page.fill("#finding-search", result.findings[0].rule)
    page.wait_for_timeout(100)
    assert int(page.get_attribute("#finding-count", "data-shown")) >= 1
    context.close()
