"""The readiness report: a scored result → a view model → HTML (→ PDF), Markdown or JSON.

`inputs` reads and scores what the report is made from, `build` turns it into plain,
formatted values, `render` lays them out with the package's own jinja2 templates, and
`pdf` (the only module that imports weasyprint, lazily) turns the HTML into a PDF.
"""
