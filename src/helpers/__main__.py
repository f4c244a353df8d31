"""``python -m helpers …`` is the ``tccsd`` command (see :mod:`helpers.cli`)."""

from helpers.cli import main

main()
