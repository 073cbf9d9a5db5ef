"""`python -m reports brief --out FILE.pdf`: see reports/cli.py."""

import sys

from reports.cli import main

sys.exit(main())
