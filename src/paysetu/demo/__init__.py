"""The demo story loaded by ``paysetu run`` and ``paysetu demo``, through the same use cases
as the API.
"""
