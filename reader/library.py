"""The facade that the command line and the window use to reach issues and annotations."""
