#!/usr/bin/env bash
# Stops the WordPress that start.sh brought up. Signals only the PIDs recorded under
# $WP_BASE/run (default /tmp/broadsheet-wp/run), and only while that process still belongs to
# this installation (a recycled PID is left alone). Data is kept; exits 0 when nothing runs.
set -euo pipefail
BASE=${WP_BASE:-/tmp/broadsheet-wp}

# A stopped daemon stays a zombie until PID 1 reaps it; that counts as gone.
alive() { kill -0 "$1" 2>/dev/null && [[ $(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) != Z ]]; }

stop() { # stop NAME PIDFILE SIGNAL
  local name=$1 pidfile=$2 signal=$3 pid _
  if ! pid=$(cat "$pidfile" 2>/dev/null); then
    echo "$name: not running"
    return 0
  fi
  if [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$BASE/"; then
    kill "-$signal" "$pid"
    for _ in $(seq 120); do
      alive "$pid" || break
      sleep 0.25
    done
    if alive "$pid"; then
      echo "$name: pid $pid still running 30 s after SIG$signal, sending SIGKILL"
      kill -KILL "$pid"
    fi
    echo "$name: stopped (pid $pid)"
  else
    echo "$name: not running (stale pid file)"
  fi
  rm -f "$pidfile"
}

# Front to back, so no request reaches a daemon that is already gone.
stop nginx "$BASE/run/nginx.pid" QUIT
stop php-fpm "$BASE/run/php-fpm.pid" QUIT
stop mariadb "$BASE/run/mysqld/mysqld.pid" TERM
