#!/usr/bin/env bash
# Installs the county's Liaison hub on Debian 12 or Ubuntu 24.04 as a systemd service, or removes it.
#
#   sudo hub/src/main/dist/install-hub.sh [--jar=hub.jar] [--jdk=DIR] [--keep-days=14] [--no-start]
#   sudo hub/src/main/dist/install-hub.sh --uninstall [--purge]
#
#   --jar=FILE     the hub to install (default: hub/target/hub.jar of this checkout, built with
#                  ./mvnw -pl hub -am package -DskipTests when missing)
#   --jdk=DIR      a JDK 25 already on the server (default: temurin-25-jdk from Adoptium's apt
#                  repository, packages.adoptium.net)
#   --keep-days=N  nightly backups kept in /var/backups/liaison-hub (default 14; kept in hub.env)
#   --no-start     install, but neither enable nor start the units
#   --uninstall    stop and remove the units and /opt/liaison-hub; the data, the backups and
#                  /etc/liaison/hub.env stay, unless --purge is given as well
#
# What goes where (docs/FIELD.md "The county server"):
#   /opt/liaison-hub/hub.jar, /opt/liaison-hub/jdk -> the JDK     root, read-only to the hub
#   /etc/liaison/hub.env          HUB_* settings; made once, never overwritten   root:liaison-hub 0640
#   /var/lib/liaison-hub/         the hub's data folder (SQLite, photos, keys)   liaison-hub 0750
#   /var/backups/liaison-hub/     the nightly backups                            liaison-hub 0750
#   /etc/systemd/system/liaison-hub.service, liaison-hub-backup.{service,timer}
#   /etc/systemd/journald.conf.d/liaison-hub.conf   the journal's cap (the hub logs to the journal)
# Re-running it upgrades the jar and the units in place and keeps hub.env and the data.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
USER_NAME=liaison-hub
OPT=/opt/liaison-hub
ENV_FILE=/etc/liaison/hub.env
DATA=/var/lib/liaison-hub
BACKUPS=/var/backups/liaison-hub
UNITS=/etc/systemd/system
JOURNALD=/etc/systemd/journald.conf.d/liaison-hub.conf

jar=""
jdk=""
keep_days=14
start=1
uninstall=0
purge=0

say() { printf 'install-hub: %s\n' "$*"; }
fail() {
  printf 'install-hub: %s\n' "$@" >&2
  exit 1
}

for arg in "$@"; do
  case "$arg" in
    --jar=*) jar=${arg#--jar=} ;;
    --jdk=*) jdk=${arg#--jdk=} ;;
    --keep-days=*) keep_days=${arg#--keep-days=} ;;
    --no-start) start=0 ;;
    --uninstall) uninstall=1 ;;
    --purge) purge=1 ;;
    -h | --help)
      sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) fail "未知选项 unknown option: $arg (--help lists them)" ;;
  esac
done

[ "$(id -u)" = 0 ] || fail "请用 root 运行（sudo）。 Run it as root (sudo)."
[[ $keep_days =~ ^[0-9]+$ ]] || fail "--keep-days 应为天数 --keep-days takes a number of days: $keep_days"

# systemctl works only where systemd runs; a root being prepared (a container, an image) gets the
# files and is told what to start.
systemd_running() { [ -d /run/systemd/system ]; }

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

uninstall() {
  if systemd_running; then
    systemctl disable --now liaison-hub-backup.timer liaison-hub.service 2>/dev/null || true
  fi
  rm -f "$UNITS/liaison-hub.service" "$UNITS/liaison-hub-backup.service" "$UNITS/liaison-hub-backup.timer" "$JOURNALD"
  rm -rf "$OPT"
  if [ "$purge" = 1 ]; then
    rm -rf "$DATA" "$BACKUPS" "$ENV_FILE"
    rmdir /etc/liaison 2>/dev/null || true
    id "$USER_NAME" >/dev/null 2>&1 && userdel "$USER_NAME"
    say "已删除枢纽、数据、备份和设置。 Removed the hub, its data, backups and settings."
  else
    say "已删除枢纽程序和服务；数据 $DATA、备份 $BACKUPS 和 $ENV_FILE 保留（--purge 一并删除）。"
    say "Removed the hub and its units; kept $DATA, $BACKUPS and $ENV_FILE (--purge removes them too)."
  fi
  if systemd_running; then
    systemctl daemon-reload
  fi
}

if [ "$uninstall" = 1 ]; then
  uninstall
  exit 0
fi

if [ -r /etc/os-release ]; then
  # shellcheck disable=SC1091
  . /etc/os-release
  case "${ID:-}:${VERSION_ID:-}" in
    debian:12 | ubuntu:24.04) ;;
    *) say "注意：只在 Debian 12 和 Ubuntu 24.04 上测试过。 Note: tested on Debian 12 and Ubuntu 24.04 only (this is ${PRETTY_NAME:-unknown})." ;;
  esac
fi

# The hub to install: the one given, else this checkout's (built when missing).
if [ -z "$jar" ]; then
  repo=$(cd "$HERE/../../../.." && pwd)
  jar=$repo/hub/target/hub.jar
  if [ ! -f "$jar" ] && [ -x "$repo/mvnw" ]; then
    say "正在构建枢纽 building the hub (./mvnw -pl hub -am package -DskipTests)…"
    (cd "$repo" && ./mvnw -B -q -pl hub -am package -DskipTests)
  fi
fi
[ -f "$jar" ] || fail "找不到枢纽程序 no hub jar at $jar; give one with --jar=FILE."

# The JDK: the one given, else Temurin 25 from Adoptium's apt repository.
if [ -n "$jdk" ]; then
  jdk=$(cd "$jdk" && pwd)
else
  arch=$(dpkg --print-architecture)
  jdk=/usr/lib/jvm/temurin-25-jdk-$arch
  if [ ! -x "$jdk/bin/java" ]; then
    say "正在安装 JDK 25 installing Temurin 25 from packages.adoptium.net…"
    apt-get update -q
    apt-get install -y -q ca-certificates curl gpg
    install -d -m 0755 /etc/apt/keyrings
    curl -fsSL https://packages.adoptium.net/artifactory/api/gpg/key/public | gpg --dearmor --yes -o /etc/apt/keyrings/adoptium.gpg
    echo "deb [signed-by=/etc/apt/keyrings/adoptium.gpg] https://packages.adoptium.net/artifactory/deb ${VERSION_CODENAME:-bookworm} main" >/etc/apt/sources.list.d/adoptium.list
    apt-get update -q
    apt-get install -y -q temurin-25-jdk
  fi
fi
[ -x "$jdk/bin/java" ] || fail "$jdk 中没有 java there is no bin/java in $jdk"
major=$(java_major "$jdk/bin/java")
if [ -z "$major" ] || [ "$major" -lt 25 ]; then
  fail "$jdk 是 Java ${major:-?}，枢纽需要 25。 $jdk is Java ${major:-?}; the hub needs 25."
fi

if ! id "$USER_NAME" >/dev/null 2>&1; then
  useradd --system --user-group --home-dir "$DATA" --no-create-home --shell /usr/sbin/nologin "$USER_NAME"
  say "已创建用户 created the user $USER_NAME"
fi

install -d -m 0755 "$OPT"
install -m 0644 "$jar" "$OPT/hub.jar.new"
mv -f "$OPT/hub.jar.new" "$OPT/hub.jar"
ln -sfn "$jdk" "$OPT/jdk"
[ -f "$HERE/../../../../docs/FIELD.md" ] && install -m 0644 "$HERE/../../../../docs/FIELD.md" "$OPT/FIELD.md"
install -d -m 0750 -o "$USER_NAME" -g "$USER_NAME" "$DATA" "$BACKUPS"

# hub.env: made once, with every setting the county is likely to change; kept on every re-run.
install -d -m 0755 /etc/liaison
if [ ! -f "$ENV_FILE" ]; then
  umask 027
  cat >"$ENV_FILE" <<EOF
# The Liaison hub's settings (java -jar $OPT/hub.jar --help lists every HUB_* one).
# After a change: systemctl restart liaison-hub
HUB_DATA_DIR=$DATA
# Plain HTTP for nginx on this server (docs/FIELD.md); 0.0.0.0 opens it to the network.
HUB_HTTP_HOST=127.0.0.1
HUB_HTTP_PORT=8080
# The address residents' QR codes point at, e.g. https://rd.example.gov.cn
#HUB_PUBLIC_URL=
# Stations connect to the embedded broker from the network.
HUB_MQTT_HOST=0.0.0.0
HUB_MQTT_PORT=1883
HUB_DEMO=never
# PostgreSQL instead of SQLite in the data folder (then also: apt-get install postgresql-client):
#HUB_DB_URL=jdbc:postgresql://127.0.0.1/liaison
#HUB_DB_USER=liaison
#HUB_DB_PASSWORD=
HUB_JAVA_OPTS=-Xmx1g --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED
# Nightly backups in $BACKUPS older than this many days are removed.
HUB_BACKUP_KEEP_DAYS=$keep_days
EOF
  chown root:"$USER_NAME" "$ENV_FILE"
  chmod 0640 "$ENV_FILE"
  say "已写入设置 wrote $ENV_FILE"
else
  say "保留已有设置 kept $ENV_FILE as it is"
fi

# A PostgreSQL hub's backup needs pg_dump.
if grep -q '^HUB_DB_URL=jdbc:postgresql:' "$ENV_FILE" && ! command -v pg_dump >/dev/null 2>&1; then
  say "正在安装 pg_dump installing postgresql-client for the backups…"
  apt-get install -y -q postgresql-client
fi

install -m 0644 "$HERE/liaison-hub.service" "$HERE/liaison-hub-backup.service" "$HERE/liaison-hub-backup.timer" "$UNITS/"
install -d -m 0755 "$(dirname "$JOURNALD")"
install -m 0644 "$HERE/journald-liaison-hub.conf" "$JOURNALD"

if ! systemd_running; then
  say "systemd 未运行：文件已就位，启动后执行 systemctl enable --now liaison-hub liaison-hub-backup.timer"
  say "systemd is not running here: the files are in place; once it runs: systemctl enable --now liaison-hub liaison-hub-backup.timer"
  exit 0
fi
systemctl daemon-reload
systemctl restart systemd-journald
if [ "$start" = 0 ]; then
  say "已安装，未启动（--no-start）。 Installed, not started (--no-start)."
  exit 0
fi
systemctl enable liaison-hub.service liaison-hub-backup.timer
systemctl restart liaison-hub.service
systemctl start liaison-hub-backup.timer

port=$(sed -n 's/^HUB_HTTP_PORT=//p' "$ENV_FILE" | tail -n 1)
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:${port:-8080}/health" >/dev/null 2>&1; then
    say "枢纽已运行 the hub is up: http://127.0.0.1:${port:-8080}/admin · logs: journalctl -u liaison-hub · backups: $BACKUPS"
    exit 0
  fi
  systemctl is-failed --quiet liaison-hub.service && break
  sleep 1
done
journalctl -u liaison-hub -n 30 --no-pager >&2 || true
fail "枢纽未能启动，见上方日志。 The hub did not come up; its log is above."
