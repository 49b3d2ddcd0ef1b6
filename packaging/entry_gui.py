"""Bundle entry point of the windowed app (BaokanReader): the window, or --self-test."""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()  # import workers are spawned from the bundle too
    from reader.cli import main

    main()
