#!/usr/bin/env bash
# Brings up a real WordPress (Debian's package) serving the REST API on http://127.0.0.1:PORT,
# seeded with Broadsheet's demo content, for the end-to-end tests.
#
#   usage: scripts/wordpress/start.sh [PORT] [--reset]      PORT defaults to 8081
#   env:   WP_BASE             where configs, pids, sockets, logs and data live (/tmp/broadsheet-wp)
#          BROADSHEET_CONTENT  the demo content to seed (public/content of this repository)
#
# MariaDB, php-fpm and nginx each run as our own daemon under $WP_BASE: no system service is
# enabled and nothing under /etc is edited. A second run only starts what is not running and
# reseeds only when the seed inputs changed (or with --reset). Writes $WP_BASE/env with WP_URL,
# WP_ADMIN_USER and WP_APP_PASSWORD. Stop with scripts/wordpress/stop.sh.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PORT=8081
RESET=0
for arg in "$@"; do
  case $arg in
    --reset) RESET=1 ;;
    -h | --help) sed -n '2,12p' "$0" | cut -c3-; exit 0 ;;
    '' | *[!0-9]*) echo "start.sh: unknown argument '$arg' (usage: start.sh [PORT] [--reset])" >&2; exit 2 ;;
    *) PORT=$arg ;;
  esac
done

BASE=${WP_BASE:-/tmp/broadsheet-wp}
CONTENT=$(cd "${BROADSHEET_CONTENT:-$HERE/../../public/content}" && pwd)
SITE=http://127.0.0.1:$PORT
HTDOCS=$BASE/htdocs
RUN=$BASE/run
LOGS=$BASE/logs
CONF=$BASE/conf
STATE=$BASE/state
DB=$BASE/db
SOCK=$RUN/mysqld/mysqld.sock
ADMIN=admin
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost # curl and seed.py talk to us directly

START=${EPOCHREALTIME/./}
log() {
  local ms=$(((${EPOCHREALTIME/./} - START) / 1000))
  printf '[wordpress %3d.%ds] %s\n' $((ms / 1000)) $((ms % 1000 / 100)) "$*"
}
die() { # die MESSAGE [LOGFILE]: the reason, then the end of the log that explains it
  printf '[wordpress] ERROR: %s\n' "$1" >&2
  if [[ -n ${2:-} && -s $2 ]]; then
    printf -- '--- last lines of %s:\n' "$2" >&2
    tail -n 25 "$2" >&2
  fi
  exit 1
}
trap 'die "command failed (line $LINENO): $BASH_COMMAND"' ERR
[[ $EUID -eq 0 ]] || die "run as root (the daemons drop to the mysql and www-data users themselves)"
[[ -d $CONTENT/articles ]] || die "no demo content in $CONTENT"

# ours PIDFILE: the recorded process is alive and belongs to this installation
ours() {
  local pid
  pid=$(cat "$1" 2>/dev/null) && [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$BASE/"
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# alive PID: running, and not a zombie (exited children stay zombies until reaped)
alive() { kill -0 "$1" 2>/dev/null && [[ $(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) != Z ]]; }
wait_for() { # wait_for WHAT LOGFILE COMMAND...: polls COMMAND for up to 30 s, or until $WATCH dies
  local what=$1 logfile=$2 _
  shift 2
  for _ in $(seq 120); do
    "$@" >/dev/null 2>&1 && return 0
    [[ -z ${WATCH:-} ]] || alive "$WATCH" || die "$what exited during startup" "$logfile"
    sleep 0.25
  done
  die "$what did not come up within 30 s" "$logfile"
}
# replace_conf FILE: moves FILE.new over FILE; true if the content changed
replace_conf() {
  if cmp -s "$1.new" "$1"; then rm -f "$1.new"; return 1; fi
  mv "$1.new" "$1"
}
sql() { mariadb --no-defaults --socket="$SOCK" -uroot -N -B "$@"; }
secret() { python3 -c 'import secrets; print(secrets.token_hex(24))'; }

# Refuse before touching anything if another program holds the port.
if port_open "$PORT" && ! { ours "$RUN/nginx.pid" && grep -q "listen 127.0.0.1:$PORT;" "$CONF/nginx.conf"; }; then
  die "port $PORT is already in use by another program"
fi

# ---- packages: one apt transaction ---------------------------------------------------------
# Naming php-fpm and php next to wordpress keeps apt from satisfying wordpress' dependencies
# "apache2 | httpd" and "libapache2-mod-php | php" with Apache.
PKGS=(wordpress php-fpm php nginx mariadb-server)
command -v curl >/dev/null || PKGS+=(curl)
command -v rsvg-convert >/dev/null || PKGS+=(librsvg2-bin) # hero SVG -> PNG
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  mkdir -p "$LOGS"
  export DEBIAN_FRONTEND=noninteractive
  # Keep apt from starting the system's own nginx / MariaDB / php-fpm services.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null || apt-get update -q >"$LOGS/apt.log" 2>&1 ||
    die "apt-get update failed" "$LOGS/apt.log"
  log "apt: installing ${PKGS[*]} (missing: ${missing[*]})"
  if ! apt-get install -y -q "${PKGS[@]}" >>"$LOGS/apt.log" 2>&1; then
    log "apt: install failed, updating the package lists and retrying"
    { apt-get update -q && apt-get install -y -q "${PKGS[@]}"; } >>"$LOGS/apt.log" 2>&1 ||
      die "apt-get install failed" "$LOGS/apt.log"
  fi
fi

# ---- layout and secrets --------------------------------------------------------------------
mkdir -p "$RUN/mysqld" "$LOGS" "$CONF" "$STATE" "$BASE/work" "$BASE/nginx-tmp"
chmod 755 "$BASE" "$RUN" "$LOGS" "$CONF"
chown mysql:mysql "$RUN/mysqld"
chown www-data:www-data "$BASE/nginx-tmp"
touch "$LOGS/mariadb.log" "$LOGS/php-error.log"
chown mysql:mysql "$LOGS/mariadb.log"
chown www-data:www-data "$LOGS/php-error.log"
for f in db-password admin-password salt; do [[ -s $STATE/$f ]] || secret >"$STATE/$f"; done
# wpctl.php runs as www-data and reads the admin password when it installs WordPress.
chown root:www-data "$STATE" "$STATE/admin-password"
chmod 750 "$STATE"
chmod 640 "$STATE"/*
DBPASS=$(cat "$STATE/db-password")
SALT=$(cat "$STATE/salt")

# ---- docroot: a copy of Debian's WordPress with our own wp-config.php ----------------------
# Debian's wp-config.php only reads /etc/wordpress/config-HOST.php, which we may not write, and
# PHP resolves symlinks, so the core files are copied (about 90 MB, well under a second).
WPVERSION=$(dpkg-query -W -f='${Version}' wordpress)
if [[ $(cat "$STATE/docroot-version" 2>/dev/null) != "$WPVERSION" ]]; then
  log "docroot: copying WordPress $WPVERSION from /usr/share/wordpress"
  rm -rf "$HTDOCS/wp-admin" "$HTDOCS/wp-includes"
  mkdir -p "$HTDOCS"
  cp -a /usr/share/wordpress/. "$HTDOCS/"
  rm -f "$HTDOCS/wp-config.php" "$HTDOCS/.htaccess" # both point into /etc/wordpress
  echo "$WPVERSION" >"$STATE/docroot-version"
fi
mkdir -p "$HTDOCS/wp-content/uploads" "$HTDOCS/wp-content/mu-plugins"
chown www-data:www-data "$HTDOCS/wp-content/uploads"
cp "$HERE/broadsheet-test-backend.php" "$HTDOCS/wp-content/mu-plugins/"
keys=""
for k in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
  keys+="define( '$k', '$k-$SALT' );"$'\n'
done
cat >"$HTDOCS/wp-config.php" <<EOF
<?php
// Written by scripts/wordpress/start.sh on every run.
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', '$DBPASS' );
define( 'DB_HOST', 'localhost:$SOCK' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
\$table_prefix = 'wp_';
$keys
define( 'WP_HOME', '$SITE' );
define( 'WP_SITEURL', '$SITE' );
// Application passwords need https or a "local" environment.
define( 'WP_ENVIRONMENT_TYPE', 'local' );
// Offline machine: fail fast instead of waiting on wordpress.org; cron would only try that.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISALLOW_FILE_MODS', true );
define( 'WP_DEBUG', false );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
EOF
chown root:www-data "$HTDOCS/wp-config.php"
chmod 640 "$HTDOCS/wp-config.php"

# ---- MariaDB: own datadir and socket, no TCP -----------------------------------------------
if [[ ! -d $DB/mysql ]]; then
  log "mariadb: creating the data directory"
  rm -rf "$DB"
  mkdir -p "$DB"
  chown mysql:mysql "$DB"
  mariadb-install-db --no-defaults --user=mysql --datadir="$DB" --skip-test-db \
    --auth-root-authentication-method=socket >"$LOGS/mariadb-install.log" 2>&1 ||
    die "mariadb-install-db failed" "$LOGS/mariadb-install.log"
fi
if ours "$RUN/mysqld/mysqld.pid"; then
  log "mariadb: running (pid $(cat "$RUN/mysqld/mysqld.pid"))"
else
  log "mariadb: starting"
  rm -f "$SOCK"
  # Test data: trade durability (flush per transaction) for seeding speed.
  setsid /usr/sbin/mariadbd --no-defaults --user=mysql --datadir="$DB" --socket="$SOCK" \
    --pid-file="$RUN/mysqld/mysqld.pid" --skip-networking --skip-log-bin --log-error="$LOGS/mariadb.log" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-flush-log-at-trx-commit=2 </dev/null >>"$LOGS/mariadb.log" 2>&1 &
  WATCH=$!
  wait_for mariadb "$LOGS/mariadb.log" mariadb-admin --no-defaults --socket="$SOCK" -uroot ping
  wait_for "mariadb pid file" "$LOGS/mariadb.log" ours "$RUN/mysqld/mysqld.pid"
  WATCH=
fi

# ---- php-fpm: own master, workers run as www-data ------------------------------------------
FPM=$(find /usr/sbin -name 'php-fpm*' | sort -V | tail -n 1)
[[ -x $FPM ]] || die "no php-fpm binary in /usr/sbin"
cat >"$CONF/php-fpm.conf.new" <<EOF
[global]
pid = $RUN/php-fpm.pid
error_log = $LOGS/php-fpm.log
daemonize = yes

[www]
user = www-data
group = www-data
listen = $RUN/php-fpm.sock
listen.owner = www-data
listen.group = www-data
pm = static
pm.max_children = 8
php_admin_value[error_log] = $LOGS/php-error.log
php_admin_flag[log_errors] = on
php_admin_flag[display_errors] = off
php_admin_value[memory_limit] = 256M
php_admin_value[upload_max_filesize] = 32M
php_admin_value[post_max_size] = 32M
EOF
"$FPM" --fpm-config "$CONF/php-fpm.conf.new" -t >"$LOGS/php-fpm-test.log" 2>&1 ||
  die "php-fpm rejects its configuration" "$LOGS/php-fpm-test.log"
if ours "$RUN/php-fpm.pid"; then
  if replace_conf "$CONF/php-fpm.conf"; then
    log "php-fpm: configuration changed, reloading"
    kill -USR2 "$(cat "$RUN/php-fpm.pid")"
    sleep 1
    wait_for php-fpm "$LOGS/php-fpm.log" ours "$RUN/php-fpm.pid"
  else
    log "php-fpm: running (pid $(cat "$RUN/php-fpm.pid"))"
  fi
else
  log "php-fpm: starting"
  mv "$CONF/php-fpm.conf.new" "$CONF/php-fpm.conf"
  rm -f "$RUN/php-fpm.sock" "$RUN/php-fpm.pid"
  "$FPM" --fpm-config "$CONF/php-fpm.conf" </dev/null >>"$LOGS/php-fpm.log" 2>&1 ||
    die "php-fpm did not start" "$LOGS/php-fpm.log"
  wait_for php-fpm "$LOGS/php-fpm.log" test -S "$RUN/php-fpm.sock"
  wait_for "php-fpm pid file" "$LOGS/php-fpm.log" ours "$RUN/php-fpm.pid"
fi

# ---- nginx: pretty permalinks by sending every non-file path to index.php ------------------
# Debian's fastcgi_params passes HTTP_HOST without the port, which sends WordPress' canonical
# redirects to port 80: use everything else from it and pass host:port ourselves.
grep -v HTTP_HOST /etc/nginx/fastcgi_params >"$CONF/fastcgi_params"
cat >"$CONF/nginx.conf.new" <<EOF
user www-data;
worker_processes 2;
pid $RUN/nginx.pid;
error_log $LOGS/nginx-error.log warn;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $LOGS/nginx-access.log;
    client_body_temp_path $BASE/nginx-tmp/body;
    fastcgi_temp_path $BASE/nginx-tmp/fastcgi;
    proxy_temp_path $BASE/nginx-tmp/proxy;
    uwsgi_temp_path $BASE/nginx-tmp/uwsgi;
    scgi_temp_path $BASE/nginx-tmp/scgi;
    client_max_body_size 32m;
    client_body_buffer_size 4m; # media uploads stay in memory
    server_tokens off;
    server {
        listen 127.0.0.1:$PORT;
        root $HTDOCS;
        index index.php;
        # The site root is WordPress itself, not a directory listing: a CORS preflight for
        # /?rest_route=... must reach PHP (nginx answers OPTIONS on a directory with 405).
        location = / {
            rewrite ^ /index.php last;
        }
        location / {
            try_files \$uri \$uri/ /index.php?\$args;
        }
        location ~ \.php\$ {
            try_files \$uri =404;
            include $CONF/fastcgi_params;
            fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
            fastcgi_param HTTP_HOST \$host:\$server_port;
            fastcgi_pass unix:$RUN/php-fpm.sock;
            fastcgi_read_timeout 120;
        }
        location ~ /\. { deny all; }
    }
}
EOF
nginx -q -t -c "$CONF/nginx.conf.new" -e "$LOGS/nginx-error.log" >"$LOGS/nginx-test.log" 2>&1 ||
  die "nginx rejects its configuration" "$LOGS/nginx-test.log"
if ours "$RUN/nginx.pid"; then
  if replace_conf "$CONF/nginx.conf"; then
    log "nginx: configuration changed, reloading"
    kill -HUP "$(cat "$RUN/nginx.pid")"
    wait_for "nginx on port $PORT" "$LOGS/nginx-error.log" port_open "$PORT"
  else
    log "nginx: running (pid $(cat "$RUN/nginx.pid"))"
  fi
else
  log "nginx: starting on port $PORT"
  mv "$CONF/nginx.conf.new" "$CONF/nginx.conf"
  rm -f "$RUN/nginx.pid"
  nginx -c "$CONF/nginx.conf" -e "$LOGS/nginx-error.log" </dev/null >>"$LOGS/nginx-error.log" 2>&1 ||
    die "nginx did not start" "$LOGS/nginx-error.log"
  wait_for nginx "$LOGS/nginx-error.log" ours "$RUN/nginx.pid"
  wait_for "nginx on port $PORT" "$LOGS/nginx-error.log" port_open "$PORT"
fi

# ---- install and seed, only when the seed inputs changed -----------------------------------
wpctl() { runuser -u www-data -- php "$HERE/wpctl.php" "$HTDOCS" "$SITE" "$@"; }
new_app_password() {
  local pw
  pw=$(wpctl app-password "$ADMIN" 2>>"$LOGS/php-error.log") || die "could not create an application password" "$LOGS/php-error.log"
  echo "$ADMIN:$pw" >"$STATE/app-password"
}
# Everything the seed is made from: the content, the seeding code and the address it is served at.
HASH=$({
  echo "$SITE"
  (cd "$CONTENT" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
  (cd "$HERE" && sha256sum seed.py wpctl.php)
} | sha256sum | cut -c1-16)
SEEDED=$(sql wordpress -e "SELECT option_value FROM wp_options WHERE option_name = 'broadsheet_seed'" 2>/dev/null || true)
NEED_SEED=0
if ((RESET)) || [[ $SEEDED != "$HASH" ]]; then
  NEED_SEED=1
  if ((RESET)); then why="--reset"; elif [[ -z $SEEDED ]]; then why="not seeded yet"; else why="seed inputs changed"; fi
  log "seed: installing WordPress $WPVERSION and seeding ($why)"
  sql -e "DROP DATABASE IF EXISTS wordpress"
  find "$HTDOCS/wp-content/uploads" -mindepth 1 -delete
fi
sql <<EOF
CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'wp'@'localhost' IDENTIFIED BY '$DBPASS';
ALTER USER 'wp'@'localhost' IDENTIFIED BY '$DBPASS';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wp'@'localhost';
EOF
if ((NEED_SEED)); then
  wpctl install "$ADMIN" "$ADMIN@example.com" "$STATE/admin-password" >"$LOGS/seed.log" 2>&1 ||
    die "WordPress installation failed" "$LOGS/seed.log"
  new_app_password
  rm -rf "$BASE/work"
  mkdir -p "$BASE/work"
  python3 "$HERE/seed.py" "$CONTENT" "$SITE" "$STATE/app-password" "$BASE/work" 2>&1 | tee -a "$LOGS/seed.log" ||
    die "seeding failed (PHP errors: $LOGS/php-error.log)" "$LOGS/seed.log"
  sql wordpress <"$BASE/work/finish.sql"
  # The marker goes last: an interrupted seed is redone from scratch on the next run.
  sql wordpress -e "INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('broadsheet_seed', '$HASH', 'no')
                    ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)"
  log "seed: done"
else
  log "seed: up to date ($HASH), not reseeding"
  # The stored application password must still work (the state files could be older than the db).
  if [[ ! -s $STATE/app-password ]] ||
    ! curl -sf -o /dev/null -H "Authorization: Basic $(tr -d "\n" <"$STATE/app-password" | base64 -w0)" "$SITE/wp-json/wp/v2/users/me"; then
    log "seed: creating a new application password"
    new_app_password
  fi
fi
APP_PASSWORD=$(cut -d: -f2- "$STATE/app-password")
cat >"$BASE/env" <<EOF
WP_URL=$SITE
WP_ADMIN_USER=$ADMIN
WP_APP_PASSWORD=$APP_PASSWORD
EOF
chmod 644 "$BASE/env"

# ---- verify what the tests depend on -------------------------------------------------------
json() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }
header() { tr -d '\r' <"$1" | sed -n "s/^$2: //Ip" | tail -n 1; }
V=$BASE/work/verify
mkdir -p "$V"
WANT=$(($(find "$CONTENT/articles" -name '*.json' | wc -l) + 2))
code=$(curl -sS -o "$V/posts.json" -D "$V/posts.h" -w '%{http_code}' "$SITE/wp-json/wp/v2/posts?_embed")
total=$(header "$V/posts.h" X-WP-Total)
[[ $code == 200 && $total == "$WANT" ]] ||
  die "GET /wp-json/wp/v2/posts?_embed: HTTP $code, X-WP-Total '$total' (want 200 and $WANT)" "$LOGS/php-error.log"
log "verify: GET /wp-json/wp/v2/posts?_embed -> 200, X-WP-Total $total"

ORIGIN=http://127.0.0.1:9999
post=$(json '[p["id"] for p in d if p["comment_status"] == "open"][0]' <"$V/posts.json")
code=$(curl -sS -o "$V/comment.json" -D "$V/comment.h" -w '%{http_code}' -X POST -H "Origin: $ORIGIN" \
  -H 'Content-Type: application/json' "$SITE/wp-json/wp/v2/comments" \
  --data "{\"post\": $post, \"author_name\": \"start.sh check\", \"author_email\": \"check@example.com\", \"content\": \"Anonymous comment check at $(date -u +%FT%TZ)\"}")
[[ $code == 201 ]] || die "anonymous POST /wp-json/wp/v2/comments: HTTP $code: $(head -c 300 "$V/comment.json")"
[[ $(header "$V/comment.h" Access-Control-Allow-Origin) == "$ORIGIN" ]] ||
  die "anonymous POST /wp-json/wp/v2/comments: no Access-Control-Allow-Origin for $ORIGIN"
comment=$(json 'd["id"], d["status"]' <"$V/comment.json")
curl -sSf -o /dev/null -X DELETE -u "$ADMIN:$APP_PASSWORD" "$SITE/wp-json/wp/v2/comments/${comment%% *}?force=true" ||
  die "could not delete verification comment ${comment%% *}"
log "verify: anonymous POST /wp-json/wp/v2/comments from $ORIGIN -> 201 (${comment#* }), deleted again"

log "ready: $SITE  (REST: $SITE/wp-json/wp/v2/, credentials: $BASE/env, logs: $LOGS)"
echo "$SITE"
