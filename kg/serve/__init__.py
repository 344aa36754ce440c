"""``kg serve``: a SPARQL 1.1 Protocol endpoint over the store, with a query page in the browser.

The HTTP side is the standard library's :class:`http.server.ThreadingHTTPServer`; queries run in
a small pool of worker processes (:mod:`kg.serve.workers`) so that a query that runs past the time
limit can be stopped for real, and so that the store's shared lock is held only while requests
are being answered (a ``kg load`` waiting for the store gets it within moments).

>>> from kg.serve import ServeConfig
>>> ServeConfig(store=".kg/store").host
'127.0.0.1'
"""

from __future__ import annotations

from .app import ServeConfig, make_server, serve

__all__ = ["ServeConfig", "make_server", "serve"]
