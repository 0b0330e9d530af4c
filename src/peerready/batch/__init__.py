"""Batch scoring of exported survey answers (CSV, XLSX, JSON) and the templates to collect them."""
