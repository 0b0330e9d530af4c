"""Tests of peerready.exports."""
