"""Tests of peerready.documents."""
