"""Bundle entry point of the console command (baokan): scripting, --self-test in CI."""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()  # import workers are spawned from the bundle too
    from reader.cli import main

    main()
