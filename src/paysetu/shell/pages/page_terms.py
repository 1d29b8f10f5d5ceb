"""Words the customer's pages show from data (statuses, frequencies), marked for the catalogs.

A template writes ``{{ _(mandate.status) }}``: the extractor cannot see that text, so each such
word is listed here once with :func:`N_`, and ``pybabel extract`` (keyword ``N_``) puts it in the
catalogs like any other page text.
"""

from __future__ import annotations


def N_(text: str) -> str:  # noqa: N802 (gettext's own name for "mark, do not translate yet")
    """``text`` unchanged: only a marker for the message extractor."""
    return text


MANDATE_STATUSES = (N_("pending"), N_("active"), N_("paused"), N_("revoked"), N_("refused"),
                    N_("expired"))
FREQUENCIES = (N_("as presented"), N_("daily"), N_("weekly"), N_("monthly"), N_("yearly"))
REQUEST_STATUSES = (N_("paid"), N_("declined"), N_("canceled"))
"""A money request's statuses (``pending`` and ``expired`` are the mandates' words too)."""
