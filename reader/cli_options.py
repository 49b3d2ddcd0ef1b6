"""Options shared by ``baokan`` commands, kept light: importing this loads only click."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def db_option(function: F) -> F:
    """Add ``--db PATH``; without it, the ``--db`` given before the command name counts
    (``baokan --db X import F``), then $BAOKAN_DB, then the user data dir."""
    return click.option("--db", "db_path", type=click.Path(path_type=Path), default=None,
                        callback=_inherit_db, expose_value=True,
                        help="Library file (default: $BAOKAN_DB or the user data dir).")(function)


def _inherit_db(ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None:
        return value
    parent = ctx.parent
    while parent is not None:
        inherited = parent.params.get("db_path")
        if inherited is not None:
            return Path(inherited)
        parent = parent.parent
    return None
