"""Several app servers behind nginx: process control, the proxy's configuration, a local run.

`python -m deploy.local` (or deploy/run-local.sh) starts N app servers and nginx on 127.0.0.1;
the tests and the load benchmark use the same code. deploy/systemd/ and deploy/nginx/ hold
what an operator installs on a server (README: "Running several app servers").
"""
