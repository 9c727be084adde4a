import gc
import sys

from qawl.cli import main

code = main()
# The process ends here: its last collection would walk every object the build left (0.3 s at 100k sentences).
gc.freeze()
sys.exit(code)
