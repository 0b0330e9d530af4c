"""Results for the terminal, CSV and Markdown; the one console that writes to stdout and stderr."""
