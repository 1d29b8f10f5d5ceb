"""``paysetu db ...``: schema migrations."""

import typer

from paysetu.cli.runtime import console, runtime
from paysetu.db import migrate

app = typer.Typer(help="Database schema.", no_args_is_help=True)


@app.command("upgrade")
def upgrade() -> None:
    """Apply every pending migration (start-up does this too)."""
    with runtime() as rt:
        console.print(
            f"schema at revision {migrate.current_revision(rt.engine)}"
            f" (head {migrate.head_revision()})"
        )
