"""The bundled questionnaires and their recommendation catalogues (data, read with importlib.resources)."""
