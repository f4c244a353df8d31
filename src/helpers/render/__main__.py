"""``python -m helpers.render`` renders the reports (same as ``tccsd render``)."""

from helpers.render.command import main

main()
