#!/usr/bin/env bash
# test-hub-install.sh ROOT: the county server's installer (hub/src/main/dist/install-hub.sh) run in a
# Debian root booted with systemd (systemd-nspawn --boot --register=no --keep-unit, its own network),
# as on a server:
#   install-hub.sh --jar --jdk (the host's JDK 25, read-only): user, hub.env, units, the hub up
#   (/health); systemd-analyze verify on the installed units; kill -9 of the hub: systemd starts it
#   again; the backup unit writes a zip into /var/backups/liaison-hub, which restores as the hub's
#   user; install-hub.sh again (hub.env and data kept); --uninstall: no unit left, the data kept;
#   --uninstall --purge: nothing left.
# ROOT is a Debian Bookworm root with systemd, dbus and curl (debootstrap --variant=minbase
# --include=systemd,systemd-sysv,dbus,curl,ca-certificates,procps bookworm ROOT, or the station
# test's cached root in /var/cache/liaison/test-install/); it is not changed: the run boots an
# overlay over it. As root; JAVA_HOME names a JDK 25; the hub is built if missing.
set -euo pipefail
lower=${1:?usage: test-hub-install.sh ROOT (a Debian root with systemd, dbus and curl)}
lower=$(cd "$lower" && pwd -P)
here=$(cd "$(dirname "$0")" && pwd -P)
repo=$(cd "$here/../../../.." && pwd -P)
cd "$repo"
java_home=${JAVA_HOME:?JAVA_HOME must name a JDK 25}

step_started=$SECONDS
say() { printf 'test-hub-install: %s\n' "$*"; }
took() {
  say "$1 · $((SECONDS - step_started)) s"
  step_started=$SECONDS
}
[ "$(id -u)" -eq 0 ] || { say "must run as root (mounts, systemd-nspawn)" >&2; exit 1; }
[ -x "$lower/lib/systemd/systemd" ] || { say "$lower has no systemd (see the comment at the top)" >&2; exit 1; }
if [ ! -f hub/target/hub.jar ]; then
  ./mvnw -B -q package -DskipTests -pl hub -am
fi

run_dir=$(mktemp -d /var/tmp/liaison-test-hub-install.XXXXXX)
root=$run_dir/root
mkdir -p "$root" "$run_dir/upper" "$run_dir/work" "$run_dir/hub"
cp hub/target/hub.jar "$run_dir/hub/"
chmod -R a+rX "$run_dir/hub"
overlay=0
if mount -t overlay overlay -o "lowerdir=$lower,upperdir=$run_dir/upper,workdir=$run_dir/work" "$root" 2>/dev/null; then
  overlay=1
else
  cp -a "$lower/." "$root/"
fi

nspawn_pid=""
leader=""
cleanup() {
  local status=$?
  if [ "$status" -ne 0 ] && [ -n "$leader" ]; then
    in_container journalctl --no-pager -n 80 -u 'liaison-hub*' >&2 || true
    say "FAILED (the hub's journal is above)" >&2
  fi
  stop_container
  [ "$overlay" = 1 ] && umount "$root" 2>/dev/null
  rm -rf "$run_dir"
  exit "$status"
}
trap cleanup EXIT

# shellcheck source=signage/bundle/src/test/install/container.sh
. "$repo/signage/bundle/src/test/install/container.sh"

systemd-nspawn --boot --register=no --keep-unit --quiet --private-network -D "$root" --machine=liaison-hub-test \
  --bind-ro="$java_home:/mnt/jdk" --bind-ro="$repo/hub/src/main/dist:/mnt/dist" --bind-ro="$run_dir/hub:/mnt/hub" \
  >"$run_dir/console.log" 2>&1 &
nspawn_pid=$!
for _ in $(seq 1 60); do
  leader=$(pgrep -P "$nspawn_pid" -x systemd || true)
  [ -n "$leader" ] && break
  sleep 0.5
done
[ -n "$leader" ] || { cat "$run_dir/console.log" >&2; say "the container did not boot" >&2; exit 1; }
wait_for 90 in_container systemctl is-system-running --wait ||
  in_container systemctl is-system-running | grep -qE 'running|degraded'
took "booted with systemd (init is host process $leader)"

in_container /mnt/dist/install-hub.sh --jar=/mnt/hub/hub.jar --jdk=/mnt/jdk
took "install-hub.sh: the hub answers /health"

in_container systemd-analyze verify --man=no /etc/systemd/system/liaison-hub.service \
  /etc/systemd/system/liaison-hub-backup.service /etc/systemd/system/liaison-hub-backup.timer
in_container systemctl is-enabled --quiet liaison-hub-backup.timer
took "units verified; the backup timer enabled"

main_pid=$(in_container systemctl show -p MainPID --value liaison-hub)
in_container kill -9 "$main_pid"
wait_for 60 sh -c "[ \"\$(nsenter --target $leader --mount --pid -- systemctl show -p MainPID --value liaison-hub)\" != $main_pid ] && nsenter --target $leader --net -- curl -fsS http://127.0.0.1:8080/health"
took "kill -9 of the hub: systemd started it again"

in_container systemctl start liaison-hub-backup.service
backup=$(in_container sh -c 'ls /var/backups/liaison-hub/liaison-hub-*.zip')
[ -n "$backup" ] || { say "no backup written" >&2; exit 1; }
took "liaison-hub-backup.service wrote $backup"

in_container runuser -u liaison-hub -- /opt/liaison-hub/jdk/bin/java -jar /opt/liaison-hub/hub.jar restore \
  --from="$backup" --data-dir=/var/backups/liaison-hub/restored
in_container test -f /var/backups/liaison-hub/restored/mqtt-hub.secret
in_container rm -rf /var/backups/liaison-hub/restored
took "restore of that backup as liaison-hub: every table and file the same"

in_container sh -c 'echo "# kept" >> /etc/liaison/hub.env'
in_container /mnt/dist/install-hub.sh --jar=/mnt/hub/hub.jar --jdk=/mnt/jdk
in_container grep -q '^# kept' /etc/liaison/hub.env
in_container test -f /var/lib/liaison-hub/hub.db
took "install-hub.sh again: upgraded in place, hub.env and data kept"

in_container /mnt/dist/install-hub.sh --uninstall
if in_container test -e /etc/systemd/system/liaison-hub.service; then
  say "the unit is still there after --uninstall" >&2
  exit 1
fi
in_container test -f /var/lib/liaison-hub/hub.db
took "--uninstall: units and /opt/liaison-hub gone, the data kept"

in_container /mnt/dist/install-hub.sh --uninstall --purge
if in_container id liaison-hub >/dev/null 2>&1 || in_container test -e /var/lib/liaison-hub; then
  say "the user or the data is still there after --uninstall --purge" >&2
  exit 1
fi
took "--uninstall --purge: user, data, backups and hub.env gone"
say "passed"
