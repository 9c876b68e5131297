"""`python -m sim`: run scenarios, ask how many guests fit, list the catalog."""

import sys

from sim.cli import main

sys.exit(main())
