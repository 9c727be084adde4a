"""The dashboard's server: `streamlit run serve.py` serves app.py, and prepares from the server's start what the first
session of a fresh server waited for (ui/early.py: the check of QAWL_CORPUS's files, its store, the app's modules).

Streamlit runs app.py only when a session asks for a page, so `streamlit run app.py` could start none of it before; a
st.App's lifespan (Streamlit's documented ASGI entry point) runs as the server starts, before it answers.
"""

from contextlib import asynccontextmanager

import streamlit as st

from ui import early


@asynccontextmanager
async def _prepared(_app):
    early.prepare()  # in the background: the server answers meanwhile
    yield


app = st.App("app.py", lifespan=_prepared)
