"""Run one ``avgctl`` command in this process, at a moment the test chooses.

    python tests/_starter.py KLAAR START STOP TELLING -- avgctl-arguments...

KLAAR and START are file descriptors inherited from the test: the process imports avgctl,
writes one byte to KLAAR and waits until START is closed (a barrier: every writer the test
started then begins at the same moment). STOP is the number of the Python or C function call,
counted from that moment, at which the process kills itself with SIGKILL (0: never). With
TELLING (a file name, or "-") it writes down how many calls the command made and at which
calls the atomic write began, made its temporary file, renamed it and ended, so the test
can choose its moments inside the write.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from types import FrameType
from typing import Any


def main() -> None:
    klaar, start, stop, telling = sys.argv[1:5]
    args = sys.argv[sys.argv.index("--") + 1:]
    # Import what the commands need before the barrier, so they really start together.
    import avgctl.commands.datalek
    import avgctl.commands.verzoek
    import avgctl.output.datalek
    import avgctl.output.verzoek
    import avgctl.store.repo  # noqa: F401
    from avgctl.cli.app import main as cli_main

    os.write(int(klaar), b"x")
    os.close(int(klaar))
    os.read(int(start), 1)  # returns when the test closes its end
    os.close(int(start))

    grens = int(stop)
    teller = 0
    # The call at which the atomic write begins, its temporary file exists, the rename is
    # made and the write has ended.
    punten = {"schrijven": 0, "tijdelijk": 0, "vervangen": 0, "geschreven": 0}

    def hook(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal teller
        if event in ("call", "c_call"):
            teller += 1
            if teller == grens:
                os.kill(os.getpid(), signal.SIGKILL)
            if event == "call" and frame.f_code.co_name == "atomic_write":
                punten["schrijven"] = punten["schrijven"] or teller
            elif (event == "c_call" and punten["tijdelijk"] and not punten["vervangen"]
                  and getattr(arg, "__name__", "") in ("replace", "link")):
                punten["vervangen"] = teller
        elif event == "return" and punten["schrijven"] and not punten["geschreven"]:
            if frame.f_code.co_name == "_maak_tijdelijk":
                punten["tijdelijk"] = punten["tijdelijk"] or teller
            elif frame.f_code.co_name == "atomic_write":
                punten["geschreven"] = teller

    if grens or telling != "-":
        sys.setprofile(hook)
    code = cli_main(args)
    sys.setprofile(None)
    if telling != "-":
        with open(telling, "w", encoding="utf-8") as stream:
            json.dump({"aanroepen": teller, **punten}, stream)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
