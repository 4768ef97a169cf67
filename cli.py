"""Run the openness command line from a checkout: ``python cli.py --help``."""
from openness.cli.main import main

if __name__ == "__main__":
    main()
