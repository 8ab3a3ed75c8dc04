"""JUnit XML: one test suite per document, one test case per finding.

CI systems that know nothing about SARIF (Jenkins, GitLab test reports) show
a document that fails the gate as a failed suite.  A case *fails* exactly
when the finding fails the run (status new, severity at or above
``--fail-on``), so the test report and the exit code agree; baselined and
suppressed findings are *skipped* cases with their status as the message;
the rest pass with their text in ``system-out``.  A document without
findings gets one passing case, so every document shows up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO
from xml.etree import ElementTree as ET

from auditor.model import Finding, Severity

if TYPE_CHECKING:
    from auditor.core import RunResult


def _fails(f: Finding, fail_on: str) -> bool:
    if fail_on == "never" or f.status != "new":
        return False
    return f.severity.rank >= Severity(fail_on).rank


def render_junit(result: RunResult) -> str:
    root = ET.Element("testsuites", name="auditor")
    by_doc: dict[str, list[Finding]] = {d.id: [] for d in result.documents}
    for f in result.findings:
        by_doc.setdefault(f.documents[0], []).append(f)
    total_tests = total_fail = total_skip = 0
    for doc_id, findings in by_doc.items():
        failing = [f for f in findings if _fails(f, result.fail_on)]
        skipped = [f for f in findings if f.status != "new"]
        suite = ET.SubElement(
            root, "testsuite", name=doc_id, tests=str(max(1, len(findings))), failures=str(len(failing)),
            errors="0", skipped=str(len(skipped)),
        )
        total_tests += max(1, len(findings))
        total_fail += len(failing)
        total_skip += len(skipped)
        if not findings:
            ET.SubElement(suite, "testcase", classname=doc_id, name="audit")
        for f in findings:
            case = ET.SubElement(suite, "testcase", classname=doc_id, name=f"{f.rule} {f.id}")
            body = f.message + "\n" + "\n".join(f"{e.document}[{e.start}:{e.end}] {e.text}" for e in f.evidence)
            if f.status != "new":
                ET.SubElement(case, "skipped", message=f.status + (f": {f.reason}" if f.reason else ""))
            elif _fails(f, result.fail_on):
                el = ET.SubElement(case, "failure", message=f.message, type=f.category)
                el.text = body
            else:
                out = ET.SubElement(case, "system-out")
                out.text = f"{f.severity.value}: {body}"
    root.set("tests", str(total_tests))
    root.set("failures", str(total_fail))
    root.set("skipped", str(total_skip))
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


class JunitWriter:
    name = "junit"
    filename = "junit.xml"
    encoding = "utf-8"

    def write(self, result: RunResult, fh: TextIO) -> None:
        fh.write(render_junit(result))


JUNIT = JunitWriter()
