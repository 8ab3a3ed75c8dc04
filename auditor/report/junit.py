"""JUnit XML: one test suite per document, one failing test case per finding.

CI systems that know nothing about SARIF (Jenkins, GitLab test reports) show
a document with errors as a failed suite.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET


def render_junit(result) -> str:
    root = ET.Element("testsuites", name="auditor")
    by_doc: dict[str, list] = {d.id: [] for d in result.documents}
    for f in result.findings:
        by_doc.setdefault(f.documents[0], []).append(f)
    total_fail = 0
    for doc_id, findings in by_doc.items():
        failing = [f for f in findings if f.severity.value == "error"]
        suite = ET.SubElement(root, "testsuite", name=doc_id, tests=str(max(1, len(findings))), failures=str(len(failing)), errors="0")
        total_fail += len(failing)
        if not findings:
            ET.SubElement(suite, "testcase", classname=doc_id, name="audit")
        for f in findings:
            case = ET.SubElement(suite, "testcase", classname=doc_id, name=f"{f.rule} {f.id}")
            body = f.message + "\n" + "\n".join(f"{e.document}[{e.start}:{e.end}] {e.text}" for e in f.evidence)
            if f.severity.value == "error":
                el = ET.SubElement(case, "failure", message=f.message, type=f.category)
                el.text = body
            else:
                out = ET.SubElement(case, "system-out")
                out.text = f"{f.severity.value}: {body}"
    root.set("tests", str(sum(int(s.get("tests")) for s in root)))
    root.set("failures", str(total_fail))
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
