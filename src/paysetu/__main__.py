"""``python -m paysetu ...``: the ``paysetu`` command, for an environment whose scripts folder
is not on PATH."""

from paysetu.cli.app import main

main()
