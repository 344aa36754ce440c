"""Start and stop a throw-away Virtuoso (Debian ``virtuoso-opensource``) for tests and benchmarks.

The server gets its own ``virtuoso.ini`` and database files in a temporary directory and listens on
free loopback ports (ISQL and HTTP). ``/sparql`` answers queries anonymously; updates go to
``/sparql-auth`` with HTTP digest auth as ``dba``/``dba`` (Virtuoso's default administrator), which
is how a real deployment is set up. The Graph Store HTTP Protocol is at ``/sparql-graph-crud-auth``.

Not a pytest module: ``tests/test_remote.py`` wraps it in a fixture and ``bench/bench_remote.py``
uses it directly.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from types import TracebackType

__all__ = ["VirtuosoServer", "find_virtuoso"]

_CANDIDATES = ("virtuoso-t", "/usr/bin/virtuoso-t", "/usr/sbin/virtuoso-t")
INSTALL_HINT = "install the Debian package: apt-get install -y virtuoso-opensource"

_INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:{isql_port}
LiteMode                 = 0
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 10
CheckpointInterval       = 60
O_DIRECT                 = 0
CaseMode                 = 2
MaxStaticCursorRows      = 5000
CheckpointAuditTrail     = 0
AllowOSCalls             = 0
SchedulerInterval        = 10
DirsAllowed              = ., {dir}, /usr/share/virtuoso-opensource-7/vad
ThreadCleanupInterval    = 0
ThreadThreshold          = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize        = 100000
SingleCPU                = 0
VADInstallDir            = /usr/share/virtuoso-opensource-7/vad/
PrefixResultNames        = 0
RdfFreeTextRulesSize     = 100
IndexTreeMaps            = 64
MaxQueryMem              = 1G
; DROP GRAPH of a large graph (a changed graph re-pushed with SPARQL Update) is one transaction:
; the default after-image limit (50 MB) aborts it with SR325 on the 1.8M-triple Wikidata graph
TransactionAfterImageLimit = 1500000000
VectorSize               = 1000
MaxVectorSize            = 1000000
AdjustVectorSize         = 0
ThreadsPerQuery          = 4
AsyncQueueMaxThreads     = 10
NumberOfBuffers          = 170000
MaxDirtyBuffers          = 130000

[HTTPServer]
ServerPort                  = 127.0.0.1:{http_port}
ServerRoot                  = {dir}/vsp
MaxClientConnections        = 10
DavRoot                     = DAV
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
TempASPXDir                 = 0
ServerThreads               = 10
MaxKeepAlives               = 10
KeepAliveTimeout            = 10
HTTPThreadSize              = 280000
HttpPrintWarningsInOutput   = 0
Charset                     = UTF-8
EnabledGzipContent          = 0

[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT  = 0
SQL_TXN_TIMEOUT    = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 120
DefaultGraph               =
"""


def find_virtuoso() -> str | None:
    """Path of the ``virtuoso-t`` binary, or ``None`` when the package is not installed."""
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class VirtuosoServer:
    """A Virtuoso process in its own directory; use as a context manager.

    Attributes after :meth:`start`: ``url`` (``http://127.0.0.1:PORT``), ``sparql``
    (the query endpoint), ``sparql_auth`` (the digest-protected update endpoint), ``gsp`` (the
    digest-protected Graph Store endpoint), ``user``/``password``.
    """

    user = "dba"
    password = "dba"

    def __init__(self, directory: Path | None = None, *, startup_timeout: float = 60.0) -> None:
        binary = find_virtuoso()
        if binary is None:
            raise FileNotFoundError(f"virtuoso-t not found; {INSTALL_HINT}")
        self.binary = binary
        self._own_dir = directory is None
        self.dir = Path(directory or tempfile.mkdtemp(prefix="kg-virtuoso-"))
        self.startup_timeout = startup_timeout
        self.http_port = _free_port()
        self.isql_port = _free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        self.sparql = f"{self.url}/sparql"
        self.sparql_auth = f"{self.url}/sparql-auth"
        self.gsp = f"{self.url}/sparql-graph-crud-auth"
        self._proc: subprocess.Popen[bytes] | None = None

    def start(self) -> VirtuosoServer:
        """Write the config, start the server and wait until ``/sparql`` answers."""
        self.dir.mkdir(parents=True, exist_ok=True)
        (self.dir / "vsp").mkdir(exist_ok=True)
        ini = self.dir / "virtuoso.ini"
        ini.write_text(
            _INI.format(dir=self.dir, isql_port=self.isql_port, http_port=self.http_port),
            encoding="utf-8",
        )
        log = (self.dir / "stdout.log").open("wb")
        self._proc = subprocess.Popen(
            [self.binary, "+foreground", "+configfile", str(ini)],
            cwd=self.dir,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group, killed as a whole in stop()
        )
        deadline = time.monotonic() + self.startup_timeout
        ask = self.sparql + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"virtuoso exited at start-up; see {self.dir}/virtuoso.log")
            try:
                with urllib.request.urlopen(ask, timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(
            f"virtuoso did not answer on {self.sparql} within {self.startup_timeout:g} s"
        )

    def isql(self, statement: str) -> str:
        """Run one SQL statement through ``isql-vt`` as dba; returns its output."""
        isql = shutil.which("isql-vt") or shutil.which("isql")
        if isql is None:
            raise FileNotFoundError("isql-vt not found")
        done = subprocess.run(
            [isql, str(self.isql_port), self.user, self.password, f"exec={statement}"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        return done.stdout + done.stderr

    def stop(self) -> None:
        """Stop the server (its whole process group) and remove its directory if we made it."""
        if self._proc is not None:
            if self._proc.poll() is None:
                try:
                    os.killpg(self._proc.pid, signal.SIGTERM)
                    self._proc.wait(timeout=20)
                except (ProcessLookupError, subprocess.TimeoutExpired):
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(self._proc.pid, signal.SIGKILL)
                    self._proc.wait(timeout=10)
            self._proc = None
        if self._own_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> VirtuosoServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
