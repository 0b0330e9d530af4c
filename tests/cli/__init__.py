"""Tests of peerready.cli."""
