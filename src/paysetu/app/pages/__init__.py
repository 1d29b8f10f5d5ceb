"""Web pages (server-rendered) of this capability."""
