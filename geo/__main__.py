import sys

from geo.commands.cli import main

sys.exit(main())
