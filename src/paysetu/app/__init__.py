"""The assembly: the HTTP app, the CLI, the unit of work and context that wire every capability."""
