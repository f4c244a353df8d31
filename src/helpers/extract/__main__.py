"""``python -m helpers.extract ARTICLE`` proposes candidate figures (same as ``tccsd extract``)."""

from helpers.extract.command import main

main()
