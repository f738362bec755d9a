"""The register of processing activities as people read it: filters, lookups, texts and the
exports (export/). Pure views over models and the loaded register; never prints or writes."""
