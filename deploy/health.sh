#!/usr/bin/env bash
# Health check of the app servers on 127.0.0.1: each port in BDHVS_PORTS must answer "ok" at
# /_stcore/health (below BDHVS_BASE_PATH if set) within BDHVS_HEALTH_TIMEOUT seconds, in one
# of two tries. One that does not is restarted (systemctl restart bdhvs@PORT) unless
# BDHVS_HEALTH_RESTART=0. Prints one line per server; exits 1 when any failed.
set -u
ports="${BDHVS_PORTS:-8501}"
base="${BDHVS_BASE_PATH:+/${BDHVS_BASE_PATH#/}}"
timeout="${BDHVS_HEALTH_TIMEOUT:-5}"
# Two tries a little apart: one slow answer during a heavy page run is no reason to restart.
retry_pause="${BDHVS_HEALTH_RETRY_PAUSE:-3}"
status=0
for port in $ports; do
  healthy=0
  for try in 1 2; do
    answer="$(curl -fsS --max-time "$timeout" "http://127.0.0.1:${port}${base}/_stcore/health" 2>/dev/null || true)"
    if [ "$answer" = "ok" ]; then healthy=1; break; fi
    [ "$try" = 1 ] && sleep "$retry_pause"
  done
  if [ "$healthy" = 1 ]; then
    echo "bdhvs@${port}: ok"
    continue
  fi
  status=1
  if [ "${BDHVS_HEALTH_RESTART:-1}" = 1 ]; then
    echo "bdhvs@${port}: no answer, restarting"
    systemctl restart "bdhvs@${port}.service" || echo "bdhvs@${port}: restart failed"
  else
    echo "bdhvs@${port}: no answer"
  fi
done
exit "$status"
