"""Tests of peerready.model."""
