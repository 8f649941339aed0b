#!/usr/bin/env bash
# ./liaison test-install: the station's installer, tested without a Pi (docs/FIELD.md "Tested
# without a Pi"). As root: a Debian Bookworm root (debootstrap, cached) booted with systemd under
# systemd-nspawn, a demo hub on the host, then inside the container, as on a station:
#   station.sh from the x64 bundle (--bundle, --jdk, --display=xvfb, signage for s-002)
#   systemd-analyze verify on the installed units; the station's unit active; its enrolment code
#   enrolled through the hub's API as an administrator would; the station shows content (a
#   screenshot of its Xvfb display into target/screens/); kill -9 of the app: systemd starts it again;
#   a hung JavaFX thread: the watchdog restarts it; a newer bundle published to the hub and
#   `curl HUB/install/station.sh | bash` (downloaded, signature checked, upgrade in place: settings,
#   data and enrolment kept); --uninstall: no unit, no user left.
# Prints each step and what it took; when a step fails, the container's journal goes to
# target/test-install/. The root is cached in ${LIAISON_TEST_INSTALL_CACHE:-/var/cache/liaison/test-install},
# keyed by its package list (root-packages); each run boots a fresh overlay over it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
repo=$(cd "$here/../../../../.." && pwd -P)
cd "$repo"

started=$SECONDS
step_started=$SECONDS
say() { printf 'test-install: %s\n' "$*"; }
took() {
  say "$1 · $((SECONDS - step_started)) s"
  step_started=$SECONDS
}

[ "$(id -u)" -eq 0 ] || { say "must run as root (debootstrap, mounts, systemd-nspawn)" >&2; exit 1; }
for command in debootstrap systemd-nspawn nsenter curl; do
  command -v "$command" >/dev/null || { say "needs $command (apt-get install debootstrap systemd-container util-linux curl)" >&2; exit 1; }
done
java_home=${JAVA_HOME:?JAVA_HOME must name a JDK 25 (./liaison test-install finds one)}

out=$repo/signage/bundle/target/test-install
screens=$repo/signage/bundle/target/screens
rm -rf "$out"
mkdir -p "$out" "$screens"

# --- The bundle and the hub, built if missing --------------------------------------------------

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
bundle=$repo/signage/bundle/target/liaison-station-$version-linux-x64.tar.gz
if [ ! -f "$bundle" ] || [ ! -f hub/target/hub.jar ]; then
  say "building the hub and the station bundle (./mvnw package, tests skipped)"
  ./mvnw -B -q package -DskipTests -pl hub,signage/bundle -am
fi
# A second version of the same bundle, for the upgrade in place: the same files with another VERSION,
# repacked here (no second build, which on a fresh machine would need the modules installed).
upgrade_version=$version-upgrade
upgrade=$repo/signage/bundle/target/liaison-station-$upgrade_version-linux-x64.tar.gz
if [ ! -f "$upgrade" ] || [ "$bundle" -nt "$upgrade" ]; then
  repack=$(mktemp -d)
  tar -xzf "$bundle" -C "$repack"
  echo "$upgrade_version" >"$repack/VERSION"
  (cd "$repack" && tar -czf "$upgrade.tmp" -- *)
  mv "$upgrade.tmp" "$upgrade"
  rm -rf "$repack"
fi
took "bundles $(basename "$bundle") and $(basename "$upgrade")"

# --- The cached root -----------------------------------------------------------------------------

cache=${LIAISON_TEST_INSTALL_CACHE:-/var/cache/liaison/test-install}
packages=$(grep -v '^#' "$here/root-packages" | sort | paste -sd, -)
key=$(printf 'bookworm amd64 minbase %s\n' "$packages" | sha256sum | cut -c1-16)
lower=$cache/$key
if [ ! -d "$lower" ]; then
  say "no cached root $lower: debootstrap Bookworm with $packages"
  mkdir -p "$cache"
  rm -rf "$lower.tmp"
  debootstrap --variant=minbase --include="$packages" bookworm "$lower.tmp" http://deb.debian.org/debian >"$cache/$key.log" 2>&1 ||
    { say "debootstrap failed; see $cache/$key.log and $lower.tmp/debootstrap/debootstrap.log" >&2; exit 1; }
  mv "$lower.tmp" "$lower"
  took "debootstrap (cached for the next run in $lower)"
else
  took "cached root $lower"
fi

# The county server's installer test boots the same root (./liaison test-install runs it next).
echo "$lower" >"$out/root-path"

# A fresh copy for this run: an overlay over the cached root (a copy where overlays cannot mount).
run_dir=$(mktemp -d /var/tmp/liaison-test-install.XXXXXX)
root=$run_dir/root
mkdir -p "$root" "$run_dir/upper" "$run_dir/work"
overlay=0
if mount -t overlay overlay -o "lowerdir=$lower,upperdir=$run_dir/upper,workdir=$run_dir/work" "$root" 2>/dev/null; then
  overlay=1
else
  cp -a "$lower/." "$root/"
fi
took "fresh root ($([ "$overlay" = 1 ] && echo overlay || echo copy))"

# --- The hub on the host -------------------------------------------------------------------------

# A port nothing listens on (the container shares the host's network, so the station reaches it).
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
http_port=$(free_port)
mqtt_port=$(free_port)
hub_url=http://127.0.0.1:$http_port
"$java_home/bin/java" --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED \
  -jar hub/target/hub.jar --demo --data-dir="$run_dir/hub" --http-port="$http_port" --mqtt-port="$mqtt_port" \
  >"$out/hub.log" 2>&1 &
hub_pid=$!

nspawn_pid=""
leader=""
cleanup() {
  local status=$?
  if [ "$status" -ne 0 ] && [ -n "$leader" ]; then
    in_container journalctl --no-pager -o short-precise >"$out/journal.txt" 2>&1 || true
    in_container systemctl status --no-pager 'liaison-*' >"$out/units.txt" 2>&1 || true
    say "FAILED; the container's journal: $out/journal.txt, the hub's log: $out/hub.log" >&2
  fi
  stop_container
  kill "$hub_pid" 2>/dev/null || true
  wait "$hub_pid" 2>/dev/null || true
  [ "$overlay" = 1 ] && umount "$root" 2>/dev/null
  rm -rf "$run_dir"
  exit "$status"
}
trap cleanup EXIT

# shellcheck source=signage/bundle/src/test/install/container.sh
. "$here/container.sh"

for _ in $(seq 1 240); do
  curl -fsS "$hub_url/health" >/dev/null 2>&1 && break
  kill -0 "$hub_pid" 2>/dev/null || { say "the hub did not start; see $out/hub.log" >&2; exit 1; }
  sleep 0.5
done
took "demo hub on the host at $hub_url (MQTT $mqtt_port)"

# --- Boot ----------------------------------------------------------------------------------------

# The JDK, the bundle and the test's tools, read-only; the host's network (the hub on 127.0.0.1).
tools=$run_dir/tools
mkdir -p "$tools"
"$java_home/bin/javac" -d "$tools/classes" "$here/HangFxThread.java"
printf 'Agent-Class: HangFxThread\n' >"$tools/manifest"
"$java_home/bin/jar" --create --file "$tools/hang-fx-thread.jar" --manifest "$tools/manifest" -C "$tools/classes" .
chmod -R a+rX "$tools"
systemd-nspawn --boot --register=no --keep-unit --quiet -D "$root" --machine=liaison-station \
  --bind-ro="$java_home:/mnt/jdk" --bind-ro="$(dirname "$bundle"):/mnt/bundle" --bind-ro="$tools:/mnt/tools" \
  >"$out/console.log" 2>&1 &
nspawn_pid=$!
# The container's init is the child of systemd-nspawn that runs systemd.
for _ in $(seq 1 60); do
  leader=$(pgrep -P "$nspawn_pid" -x systemd || true)
  [ -n "$leader" ] && break
  sleep 0.5
done
[ -n "$leader" ] || { say "the container did not boot; see $out/console.log" >&2; exit 1; }
wait_for 90 in_container systemctl is-system-running --wait ||
  in_container systemctl is-system-running | grep -qE 'running|degraded'
took "booted with systemd (init is host process $leader): $(in_container systemctl is-system-running || true)"

# --- Install -------------------------------------------------------------------------------------

# Refusals first, each with its reason in Chinese and English, and nothing installed.
refused() {
  local expected=$1 said
  shift
  if said=$(in_container "$@" 2>&1); then
    say "station.sh did not refuse ($*): $said" >&2
    exit 1
  fi
  if ! grep -q '^liaison: 错误：' <<<"$said" || ! grep -qF -- "$expected" <<<"$said"; then
    say "station.sh refused ($*) without saying \"$expected\" in both languages: $said" >&2
    exit 1
  fi
}
station_sh=/var/tmp/station.sh
in_container bash -c "tar -xzOf /mnt/bundle/$(basename "$bundle") install/station.sh >$station_sh"
refused "must run as root" runuser -u nobody -- bash "$station_sh" --station=s-002 --hub="$hub_url"
refused "is not the bundle for this processor (x64)" bash "$station_sh" --station=s-002 --hub="$hub_url" \
  --display=xvfb --jdk=/mnt/jdk --bundle="/mnt/bundle/$(basename "${bundle/linux-x64/linux-aarch64}")"
refused "--mode must be kiosk or signage" bash "$station_sh" --station=s-002 --hub="$hub_url" --mode=tv
in_container test ! -e /etc/liaison/station.env || { say "a refused install left /etc/liaison/station.env" >&2; exit 1; }
took "refused: not root, the aarch64 bundle on x64, a wrong --mode (nothing installed)"

install_args=(--bundle="/mnt/bundle/$(basename "$bundle")" --jdk=/mnt/jdk)
# As on a station: the script the bundle carries, piped to bash as from curl.
in_container bash -c "tar -xzOf /mnt/bundle/$(basename "$bundle") install/station.sh | bash -s -- $(printf '%q ' "${install_args[@]}") --display=xvfb --size=1280x720 --mode=signage --station=s-002 --hub=$hub_url --broker=tcp://127.0.0.1:$mqtt_port" \
  | tee "$out/install.log"
took "station.sh installed the station"

# Any word from verify (a warning too: an unknown key is ignored, silently changing what the unit does) fails.
if ! verify=$(in_container systemd-analyze verify /etc/systemd/system/liaison-display.service /etc/systemd/system/liaison-station.service 2>&1) ||
  [ -n "$verify" ]; then
  say "systemd-analyze verify: $verify" >&2
  exit 1
fi
took "systemd-analyze verify: the units pass"

in_container systemctl is-active --quiet liaison-station.service ||
  { say "liaison-station.service is not active" >&2; exit 1; }
main_pid() { in_container systemctl show -p MainPID --value liaison-station.service; }
first_pid=$(main_pid)
status_text=$(in_container systemctl show -p StatusText --value liaison-station.service)
[[ "$status_text" == *"showing s-002"* ]] || { say "the app's STATUS did not reach systemd: '$status_text'" >&2; exit 1; }
took "liaison-station.service active (app pid $first_pid in the container), its status: $status_text"

screenshot() {
  in_container xwd -root -display :0 -silent >"$run_dir/screen.xwd"
  "$java_home/bin/java" "$here/XwdToPng.java" "$run_dir/screen.xwd" "$screens/install-$1-1280x720-$2.png"
  say "screenshot: $screens/install-$1-1280x720-$2.png"
}

code_file=$root/var/lib/liaison/station/enrolment-code.txt
wait_for 60 test -s "$code_file" || { say "the station wrote no enrolment code" >&2; exit 1; }
code=$(tr -d '[:space:]' <"$code_file")
screenshot signage enrolment-code
took "the screen shows its enrolment code $code"

curl -fsS -o /dev/null -u admin:demo-2026 -H 'Content-Type: application/json' -d "{\"code\":\"$code\"}" \
  "$hub_url/api/stations/s-002/enrolment"
# Online at the hub (presence "在线 online"), with its content shown (shownVersion, from its heartbeat).
online() { curl -fsS -u admin:demo-2026 "$hub_url/api/stations/s-002" | grep -q '"presence":"在线 online","shownVersion":[1-9]'; }
wait_for 60 online || { say "s-002 did not come online at the hub after enrolment" >&2; curl -sS -u admin:demo-2026 "$hub_url/api/stations/s-002" >&2; exit 1; }
took "enrolled through the hub's API as the administrator; s-002 online at the hub"

# The hub has heard it show the content (shownVersion); the enrolment panel is gone.
wait_for 30 test ! -e "$code_file" || { say "the enrolment code is still shown after enrolment" >&2; exit 1; }
screenshot signage content
took "the station shows content"

# kill -9: systemd starts it again (Restart=on-failure, RestartSec=2).
kill_started=$SECONDS
in_container kill -9 "$first_pid"
restarted() {
  local pid
  pid=$(main_pid)
  [ -n "$pid" ] && [ "$pid" != 0 ] && [ "$pid" != "$first_pid" ] && in_container systemctl is-active --quiet liaison-station.service
}
wait_for 120 restarted || { say "no new app after kill -9" >&2; exit 1; }
second_pid=$(main_pid)
took "kill -9 of the app: a new one (pid $second_pid) active after $((SECONDS - kill_started)) s"

# A hung JavaFX thread: the watchdog (WatchdogSec=30) stops being fed and systemd restarts the app.
hang_started=$SECONDS
in_container runuser -u liaison -- /opt/liaison/jdk/bin/java -cp /mnt/tools/classes HangFxThread "$second_pid" /mnt/tools/hang-fx-thread.jar
first_pid=$second_pid
wait_for 150 restarted || { say "the watchdog did not restart the hung app" >&2; exit 1; }
in_container journalctl -u liaison-station.service --no-pager >"$out/station-journal.txt"
grep -q 'Watchdog timeout' "$out/station-journal.txt" || { say "the app was restarted, but not by the watchdog" >&2; exit 1; }
# SIGQUIT before the kill: the JVM's thread dump in the journal shows where the UI thread hung.
grep -A8 '"JavaFX Application Thread"' "$out/station-journal.txt" | grep -q 'HangFxThread' ||
  { say "no thread dump with the hung FX thread in the journal" >&2; exit 1; }
took "hung FX thread: the watchdog restarted the app (pid $(main_pid)) after $((SECONDS - hang_started)) s"

# Upgrade in place with the one command a station's installer types: the newer bundle published to
# the hub, then station.sh fetched from the hub and piped to bash, which downloads the bundle and
# checks the hub's signature; settings not given again; the enrolment survives.
LIAISON_PASSWORD=demo-2026 ./liaison publish-bundle "$upgrade" --hub="$hub_url" --user=admin >"$out/publish.log" 2>&1 ||
  { cat "$out/publish.log" >&2; say "the hub refused the upgrade bundle" >&2; exit 1; }
in_container bash -c "curl -fsSL $hub_url/install/station.sh | bash -s -- --jdk=/mnt/jdk" |
  tee "$out/reinstall.log"
grep -q "signature checked against the hub's key" "$out/reinstall.log" ||
  { say "station.sh did not check the downloaded bundle's signature" >&2; exit 1; }
if [ "$(in_container readlink /var/lib/liaison/current)" != "versions/$upgrade_version" ] ||
  [ "$(in_container readlink /var/lib/liaison/previous)" != "versions/$version" ]; then
  say "current/previous not switched to $upgrade_version/$version" >&2
  exit 1
fi
in_container cat "/proc/$(main_pid)/cmdline" | tr '\0' ' ' | grep -q -- "-Dliaison.version=$upgrade_version " ||
  { say "the app does not run $upgrade_version" >&2; exit 1; }
for setting in LIAISON_STATION=s-002 MODE=signage DISPLAY_SERVER=xvfb LIAISON_SIZE=1280x720; do
  grep -qx "$setting" "$root/etc/liaison/station.env" || { say "station.env lost $setting" >&2; exit 1; }
done
wait_for 60 online || { say "s-002 not online after the upgrade in place" >&2; exit 1; }
[ ! -e "$code_file" ] || { say "the station asks to be enrolled again after the upgrade" >&2; exit 1; }
took "curl $hub_url/install/station.sh | bash: upgraded in place from the hub to $upgrade_version (previous: $version), settings kept, still enrolled and online"

# The same station as a touch kiosk: --mode is the one setting given; the kiosk app says READY too
# and comes up enrolled with the credential the signage screen stored.
in_container bash /var/lib/liaison/current/install/station.sh --mode=kiosk --bundle="/mnt/bundle/$(basename "$upgrade")" --jdk=/mnt/jdk \
  >"$out/kiosk-install.log"
grep -qx 'MODE=kiosk' "$root/etc/liaison/station.env" || { say "station.env has not MODE=kiosk" >&2; exit 1; }
in_container cat "/proc/$(main_pid)/cmdline" | tr '\0' ' ' | grep -q 'liaison.kiosk.app.KioskMain' ||
  { say "the unit does not run the kiosk" >&2; exit 1; }
wait_for 60 online || { say "the kiosk is not online at the hub" >&2; exit 1; }
screenshot kiosk content
[ ! -e "$code_file" ] || { say "the kiosk asks to be enrolled again" >&2; exit 1; }
took "station.sh --mode=kiosk: the kiosk active under the same unit, enrolled and online"

in_container bash /var/lib/liaison/current/install/station.sh --uninstall | tee "$out/uninstall.log"
left=$(in_container bash -c 'ls /etc/systemd/system/liaison-* 2>/dev/null; id liaison 2>/dev/null; ls -d /opt/liaison /etc/liaison 2>/dev/null' || true)
[ -z "$left" ] || { say "--uninstall left: $left" >&2; exit 1; }
in_container test -s /var/lib/liaison/station/station.db || { say "--uninstall removed the station's data" >&2; exit 1; }
took "--uninstall: no unit, no user, no /opt/liaison left; the station's data kept"

say "passed in $((SECONDS - started)) s"
