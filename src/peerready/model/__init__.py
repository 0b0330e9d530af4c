"""The formats and types everything else works with: questionnaires, catalogues, sessions, results."""
