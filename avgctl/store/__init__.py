"""Reading and writing the compliance repository: YAML and CSV documents, locating the repo,
the loaded Register, safe writes and the JSON schemas. Imports models, errors and findings only."""
