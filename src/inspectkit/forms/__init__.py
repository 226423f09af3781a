"""Forms to fill in, from a framework: workbooks for record reading and surveys, and
printable Markdown or HTML versions (``inspectkit template``).

Each form is a :class:`FormPart` (the record-reading template, or one survey); each format of
:data:`inspectkit.formats.TEMPLATE_FORMATS` writes one file per part, as bytes.
"""

from __future__ import annotations

from inspectkit.forms.model import FormPart, FormQuestion, form_parts, template_files

__all__ = ["FormPart", "FormQuestion", "form_parts", "template_files"]
