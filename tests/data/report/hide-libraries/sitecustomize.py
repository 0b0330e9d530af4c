"""Loaded at start-up by a test's child process: makes the shared libraries named in
PEERREADY_TEST_HIDE_LIBS fail to load, as on a machine that lacks them (Pango, HarfBuzz-Subset)."""

import os

import cffi

_hidden = [name for name in os.environ.get("PEERREADY_TEST_HIDE_LIBS", "").split(",") if name]
_dlopen = cffi.FFI.dlopen


def _dlopen_unless_hidden(self, name, *args, **kwargs):
    if any(hidden in str(name) for hidden in _hidden):
        raise OSError(f"cannot load library '{name}': {name}: cannot open shared object file")
    return _dlopen(self, name, *args, **kwargs)


cffi.FFI.dlopen = _dlopen_unless_hidden
