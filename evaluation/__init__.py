"""`make eval`: the auditor measured against hand-labelled real reports.

Every labelled corpus is a folder of real report texts with an answer key
(``key.json``: ``expect`` / ``neutral`` / ``forbid`` items, made by reading the
reports, never from the auditor's output).  ``keys`` finds and loads them,
``scoring`` matches findings against a key, ``run`` audits every corpus and
writes the results, ``ratchet`` keeps the committed figures from dropping.
"""
