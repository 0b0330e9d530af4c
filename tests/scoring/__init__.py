"""Tests of peerready.scoring."""
