"""Where the demo steps report progress: standard output, as the CLI that runs them."""

from rich.console import Console

console = Console()
