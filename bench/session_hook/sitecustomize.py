"""Loaded by the `streamlit run` server that bench/session.py starts (PYTHONPATH): logs every script run's start and
end as a JSON line to QAWL_RUN_LOG, and with QAWL_RUN_PROFILE a cProfile of each run into that folder."""

import os

if os.environ.get("QAWL_RUN_LOG"):
    import cProfile
    import json
    import threading
    import time
    from pathlib import Path

    from streamlit.runtime.scriptrunner import script_runner

    _LOCK = threading.Lock()
    _ORIGINAL = script_runner.ScriptRunner._run_script

    def _timed(self, rerun_data) -> None:
        start = time.time()
        folder = os.environ.get("QAWL_RUN_PROFILE")
        profiler = cProfile.Profile() if folder else None
        try:
            if profiler:
                profiler.enable()
            _ORIGINAL(self, rerun_data)
        finally:
            end = time.time()
            name = ""
            if profiler:
                profiler.disable()
                name = str(Path(folder) / f"run-{start:.3f}.prof")
                profiler.dump_stats(name)
            with _LOCK, open(os.environ["QAWL_RUN_LOG"], "a", encoding="utf-8") as out:
                out.write(json.dumps({"session": self._session_id, "start": start, "end": end,
                                      "query": rerun_data.query_string, "profile": name}) + "\n")

    script_runner.ScriptRunner._run_script = _timed

if os.environ.get("QAWL_MSG_LOG"):
    import json as _json
    import time as _time

    from streamlit.web.server.starlette import starlette_websocket as _ws

    _ORIGINAL_WRITE = _ws.StarletteSessionClient.write_forward_msg

    def _logged(self, msg) -> None:
        _ORIGINAL_WRITE(self, msg)
        with open(os.environ["QAWL_MSG_LOG"], "a", encoding="utf-8") as out:
            delta = msg.delta.WhichOneof("type") if msg.WhichOneof("type") == "delta" else ""
            element = msg.delta.new_element.WhichOneof("type") if delta == "new_element" else ""
            out.write(_json.dumps({"t": _time.time(), "type": msg.WhichOneof("type"), "el": element,
                                   "bytes": msg.ByteSize()}) + "\n")

    _ws.StarletteSessionClient.write_forward_msg = _logged
