import sys

from qawl.cli import main

sys.exit(main())
