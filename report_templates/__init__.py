"""The report's jinja2 templates, stylesheet and fonts (data, read with importlib.resources)."""
