"""The command line: chooses, calls, renders and sets the exit code; no domain logic here."""
