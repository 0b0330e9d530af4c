"""Tests of peerready.report."""
