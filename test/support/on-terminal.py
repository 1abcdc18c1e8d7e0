"""Runs a command on a pseudo-terminal, as a user at a terminal runs it, and types an answer
once a question is on the screen (typed before, it could be lost while the command sets up the
terminal). Prints what the terminal showed; exits with the command's exit code, 124 after TIMEOUT.

    python3 on-terminal.py QUESTION ANSWER -- COMMAND [ARG...]

QUESTION is a regular expression ('' for a command that asks nothing); ANSWER is typed as given.
"""
import os
import pty
import re
import select
import sys
import time

TIMEOUT = 120


def main() -> int:
    question, answer, sep, *command = sys.argv[1:]
    assert sep == "--" and command, __doc__
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    shown = b""
    asked = re.compile(question.encode()) if question else None
    deadline = time.monotonic() + TIMEOUT
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            sys.stdout.buffer.write(shown)
            return 124
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the command has ended and closed the terminal
            chunk = b""
        if not chunk:
            break
        shown += chunk
        if asked and asked.search(shown):
            asked = None
            os.write(fd, answer.encode())
    _, status = os.waitpid(pid, 0)
    sys.stdout.buffer.write(shown)
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
