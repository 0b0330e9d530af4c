"""Tests of the bundled content: questionnaires, catalogue, and their sources in the guides."""
