"""``paysetu bench ...``: benchmarks that print ratios against a baseline measured in the same run."""

import typer

app = typer.Typer(help="Benchmarks, each against a baseline measured in the same run.", no_args_is_help=True)
