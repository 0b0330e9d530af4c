"""Survey exports (CSV, XLSX, JSON): reading them as the platforms write them, and scoring them in batch."""
