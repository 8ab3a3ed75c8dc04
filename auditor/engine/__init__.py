"""Rule engine: loading rule packs and running them over documents and the corpus."""
