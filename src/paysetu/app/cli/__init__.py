"""The ``paysetu`` command line."""
