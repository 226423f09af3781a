"""The report as a tagged PDF (PDF/UA-1), printed from the HTML report by WeasyPrint.

WeasyPrint is an optional extra (``pip install 'inspectkit[pdf]'``) with system libraries of
its own (Pango); without it, asking for PDF is a usage error that names the extra. The HTML
is rendered for the view, so the PDF shows what the HTML shows, laid out by its A4 print
styles: the title, the language and the structure tree come from the HTML.
"""

from __future__ import annotations

import logging
from typing import Any

from inspectkit.errors import UsageError
from inspectkit.report.render import ReportView, render

__all__ = ["INSTALL_HINT", "write_pdf"]

INSTALL_HINT = (
    "PDF needs WeasyPrint, an optional extra: pip install 'inspectkit[pdf]' "
    "(on Debian also: apt-get install libpango-1.0-0 libpangoft2-1.0-0)."
)


def weasyprint() -> Any:
    """The WeasyPrint module.

    Raises:
        UsageError: WeasyPrint or the libraries it needs are not installed.
    """
    try:
        import weasyprint as found  # an optional extra, imported on use
    except (ImportError, OSError) as exc:
        raise UsageError(f"{INSTALL_HINT} ({type(exc).__name__}: {exc})") from None
    # WeasyPrint logs every CSS property it does not know; the report's CSS is for browsers too.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return found


def write_pdf(view: ReportView) -> bytes:
    """The report as the bytes of a tagged PDF/UA-1 file.

    Raises:
        UsageError: WeasyPrint is not installed.
    """
    pdf: bytes = _document(view).write_pdf(
        pdf_variant="pdf/ua-1", pdf_identifier=b"inspectkit-report"
    )
    return pdf


def page_count(view: ReportView) -> int:
    """How many A4 pages the PDF of ``view`` has (for tests and benchmarks).

    Raises:
        UsageError: WeasyPrint is not installed.
    """
    return len(_document(view).render().pages)


def _document(view: ReportView) -> Any:
    """The report's HTML as a WeasyPrint document (no base URL: nothing is fetched)."""
    module = weasyprint()
    html = render(view.context, "html", view.template, view.templates_dirs)
    return module.HTML(string=html, base_url=None)
