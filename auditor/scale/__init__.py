"""Auditing big corpora: parallel, streaming, on one machine or a Dask cluster.

`runner.audit_paths` is what `audit run PATHS --jobs N [--engine dask]` and
``auditor.audit(paths, jobs=N)`` call.  It produces exactly the findings of
the in-memory path (`api.audit_documents`); both are runners around the
audit core (`auditor.core.Plan`), stage by stage:

1. **per document** (`work.prepare`, in chunks of files, on the engine's
   workers): ingest, normalise, extract, the document-scope rules, and the
   document's shingle set; the document comes back frozen (`frozen`) and the
   raw text is dropped, so the main process holds ~15 KB per report;
2. **frequent shingles** (main): exact document frequencies over all sets;
3. **signatures** (`work.sketch`, on the workers): features and MinHash;
4. **candidates** (main, or the Dask cluster's band-key group-by): LSH
   banding and the sampled containment index;
5. **verification and alignment**: exact scores of every candidate in the
   main process, passages of the verified pairs on the workers;
6. **rules**: the corpus-scope rules over the frozen documents, merged with
   the per-document findings and sorted as `core.run_rules` sorts them.
   The cross-year rules need no near-duplicate pairs: the main process runs
   them while the workers align (the `alignment` stage then counts only the
   wait for what is left of it).

Documents keep the order of `ingest.discover`, chunks come back in order, and
every corpus-wide step is deterministic, so ``--jobs 2`` equals ``--jobs 1``
and the Dask engine equals both.
"""
