"""Entry point of ``python -m directory`` (see :mod:`directory.cli`)."""

import sys

from directory.cli import main

sys.exit(main())
