"""The persistent corpus index behind `audit index` and `audit check --against INDEX`.

A CI gate checks one new submission against years of archived reports.
Re-reading and re-analysing the archive on every run does not scale, so the
archive is indexed once: each report's metadata, its compressed text, and its
MinHash signature with LSH band keys.  A check then touches only the few
archived reports that can matter to the new one — those sharing an LSH band
(possible copies) and those of the same agency within a year (cross-year and
contradiction rules) — rebuilds them from their stored text, and runs the
same rules as `audit run` on the new reports plus these candidates.

Modules: ``sketch`` (features, signatures, band keys), ``versions`` (what an
index was built with; staleness), ``store`` (the SQLite file), ``build``
(build / add / rebuild), ``gate`` (the check).
"""

from auditor.index.store import CorpusIndex, CorpusIndexError, StaleIndexError, is_index_file

__all__ = ["CorpusIndex", "CorpusIndexError", "StaleIndexError", "is_index_file"]
