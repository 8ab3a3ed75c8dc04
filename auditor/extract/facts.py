"""Quantities stated in prose, and how they relate to each other.

This module runs the prose extractors in order and stores their results on the
document; each has a module of its own:
- `quantities`: every "N条" / "61.5%" with its label and scope (`scope`);
- `breakdowns`: a total and its parts ("共…N条,其中…", "分别", "(含…)", "合计");
- `shares`: "N条,占X%" with the base the share is taken of;
- `parts`: declared part counts ("由…等六部分组成").

Everything works on the clean view (no page-number debris, no spaces inside
Chinese runs) and maps back to canonical offsets for evidence.
"""

from __future__ import annotations

from auditor.extract.breakdowns import find_breakdowns
from auditor.extract.parts import part_counts
from auditor.extract.quantities import read_quantities
from auditor.extract.shares import find_shares
from auditor.model import Document
from auditor.normalize.text import clean_view


def extract_facts(doc: Document) -> None:
    view = clean_view(doc.text)
    qs, pos = read_quantities(view, doc.year)
    doc.quantities = qs
    doc.breakdowns = find_breakdowns(view, qs, pos)
    doc.percents = find_shares(view.text, qs, doc.breakdowns, pos)
    doc.part_counts = part_counts(view)
