"""``python -m helpers.extract ARTICLE`` proposes candidate figures (same as ``tccsd extract``)."""

from helpers.extract.engine import main

main()
