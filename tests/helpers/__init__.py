"""Helpers the tests share: sample data, scripted prompts, the simple batch path."""
