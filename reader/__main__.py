"""Run the ``baokan`` command as ``python -m reader``."""

from reader.cli import main

main()
