"""Open the course in JupyterLab, without JupyterLab's news pop-up.

    python -m tools.lab [--lang en|tr] [any `jupyter lab` option, e.g. --port 8899 --no-browser]

`make lab` runs this. JupyterLab 4 asks "Would you like to get notified about official Jupyter
news?" on a first start: its plugin ``@jupyterlab/apputils-extension:announcements`` shows that
prompt while the ``fetchNews`` setting is "none", whatever the server's ``news_url`` is. So the
course's page config (tools/jupyter_config/labconfig/page_config.json, found through
``JUPYTER_CONFIG_PATH``) disables that plugin, and ``--LabApp.news_url=None`` also stops the
server fetching the feed: a learner's first screen is the lesson, and nothing is fetched.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "tools" / "jupyter_config"


def lab_command(root: Path = ROOT, open_path: str | None = None, extra: list[str] | None = None):
    """The argv and environment that start JupyterLab on ``root`` (opening ``open_path``)."""
    argv = [sys.executable, "-m", "jupyterlab", "--LabApp.news_url=None", f"--ServerApp.root_dir={root}"]
    if hasattr(os, "getuid") and os.getuid() == 0:
        argv.append("--allow-root")  # containers often run as root; Jupyter refuses unless told
    argv += list(extra or [])
    if open_path:
        argv.append(open_path)
    config_path = [str(CONFIG)] + [p for p in os.environ.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p]
    env = dict(os.environ, JUPYTER_CONFIG_PATH=os.pathsep.join(config_path))
    return argv, env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", default=os.environ.get("COURSE_LANG", "en"), choices=("en", "tr"))
    args, extra = parser.parse_known_args(argv)
    command, env = lab_command(open_path=f"notebooks/{args.lang}/00_introduction.ipynb", extra=extra)
    return subprocess.call(command, env=env, cwd=ROOT)


if __name__ == "__main__":
    raise SystemExit(main())
