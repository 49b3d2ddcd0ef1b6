"""Messages that come from below the UI (a query that cannot be understood), in the UI's
language: the core writes them in English, the window shows its translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.core.fts import QueryError, fill


def tr(text: str) -> str:
    return QCoreApplication.translate("QueryError", text)


def query_texts() -> dict[str, str]:
    """Each QueryError's message, translated (the English is ``fts.QUERY_MESSAGES``')."""
    return {
        "unclosed-quote": tr("The quotation mark %1 at character %2 is not closed: add the "
                             "closing one or remove it."),
        "needs-after": tr("“%1” at character %2 needs a search term after it."),
        "needs-before": tr("“%1” at character %2 needs a search term before it."),
        "stray-closing": tr("The parenthesis “)” at character %1 has no matching “(”."),
        "nothing": tr("Nothing to search for: type a word, a number or Chinese characters."),
        "not-alone": tr("“NOT” at character %1 needs something to exclude from: put it "
                        "after the words to find, as in 南开 NOT 区委."),
        "too-deep": tr("Too many nested parentheses: at most %1 levels."),
        "unclosed-paren": tr("The parenthesis “(” at character %1 is not closed."),
        "empty-parens": tr("The parentheses at character %1 are empty."),
    }


def query_message(error: QueryError) -> str:
    """What the window says of a query that cannot be understood."""
    template = query_texts().get(error.code)
    return fill(template, error.args_) if template else str(error)
