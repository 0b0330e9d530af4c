"""Tests of peerready.meeting."""
