import sys
from pathlib import Path

# The shared readers (shared.py) sit beside the tests; `bhyt` itself is the installed package.
sys.path.insert(0, str(Path(__file__).parent))
