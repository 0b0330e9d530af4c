"""Reading and checking peerready's own files, with every problem located by line and column."""
