import sys

from cardsdealt.cli import main

sys.exit(main())
