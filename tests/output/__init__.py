"""Tests of peerready.output."""
