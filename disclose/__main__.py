"""`python -m disclose` and the `disclose` command (pyproject's entry point: `run`)."""
import gc
import sys


def run() -> None:
    # Before the imports, which allocate much and free little: see `cli.main`, which turns the
    # collector back on where a run is long (a batch).
    gc.disable()
    from .cli import main

    sys.exit(main())


if __name__ == "__main__":
    run()
