"""`python -m disclose` and the `disclose` command (pyproject's entry point: `run`)."""
import gc
import os
import sys


def run() -> None:
    # Before the imports, which allocate much and free little: see `cli.main`, which turns the
    # collector back on where a run is long (a batch).
    gc.disable()
    from .cli import main

    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader went away (`disclose check --rules | head`): stop quietly, as other commands do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 1
    sys.exit(status)


if __name__ == "__main__":
    run()
