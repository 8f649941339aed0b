#!/usr/bin/env bash
# Installs a Liaison station (kiosk or signage screen) on Debian or Raspberry Pi OS Bookworm,
# 64-bit (docs/FIELD.md "Installing a station"). From the hub:
#   curl http://hub:8080/install/station.sh | sudo bash -s -- --station=s-002 --hub=http://hub:8080
# or offline, from a USB stick:
#   sudo bash station.sh --bundle=/media/usb/liaison-station-0.1.0-linux-aarch64.tar.gz --jdk=/media/usb/jdk-25 …
# Run it again to upgrade in place (settings not given again are kept, and the station's data);
# --uninstall removes it (the station's data stays unless --purge).
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: sudo bash station.sh --station=ID --hub=URL [options]
  --station=ID           the station's id on the hub, e.g. s-002 (kept from the last install)
  --hub=URL              the hub, e.g. http://192.168.1.20:8080 (kept from the last install)
  --broker=URI           the hub's MQTT broker, default tcp://<hub's host>:1883
  --mode=kiosk|signage   a touch kiosk, or a screen nobody touches (default kiosk)
  --rotation=0|90|180|270  turn the picture (and a touch panel) clockwise (default 0)
  --display=x|xvfb       Xorg on the screen (default), or Xvfb with no screen (tests)
  --size=WxH             the window's size, default 1920x1080 (Xvfb's screen with --display=xvfb)
  --jdk=DIR              copy this JDK 25 rather than install Temurin 25 from Adoptium's apt repository
  --bundle=FILE          install this station bundle rather than download it from the hub
  --read-only-root       make the root file system read-only (the station's data stays writable)
  --data-partition=DEV   with --read-only-root: keep the station's data on this partition, e.g.
                         /dev/mmcblk0p3 made when the card was imaged (docs/FIELD.md)
  --uninstall            stop and remove the station (its data stays in /var/lib/liaison/station)
  --purge                with --uninstall: remove the station's data too
USAGE
}

say() { printf 'liaison: %s\n' "$*"; }

# A clear stop: Chinese first, English second, then what to do.
fail() {
  printf 'liaison: 错误：%s\nliaison: Error: %s\n' "$1" "$2" >&2
  shift 2
  local line
  for line in "$@"; do printf '  %s\n' "$line" >&2; done
  exit 1
}

STARTED=$SECONDS
ENV_FILE=/etc/liaison/station.env
HOME_DIR=/var/lib/liaison
OPT=/opt/liaison
UNIT_DIR=/etc/systemd/system
BOOT_CONFIG=/boot/firmware/config.txt
BOOT_CMDLINE=/boot/firmware/cmdline.txt
MARK="# liaison station"
# What this script changed outside its own folders, for --uninstall: root's own, never in liaison's
# home (liaison could point a name kept there at any file root then writes or removes).
STATE=/etc/liaison/installed

station="" hub="" broker="" mode="" rotation="" display="" size="" jdk="" bundle=""
read_only_root=0 data_partition="" uninstall=0 purge=0
for argument in "$@"; do
  case "$argument" in
    --station=*) station=${argument#*=} ;;
    --hub=*) hub=${argument#*=} ;;
    --broker=*) broker=${argument#*=} ;;
    --mode=*) mode=${argument#*=} ;;
    --rotation=*) rotation=${argument#*=} ;;
    --display=*) display=${argument#*=} ;;
    --size=*) size=${argument#*=} ;;
    --jdk=*) jdk=${argument#*=} ;;
    --bundle=*) bundle=${argument#*=} ;;
    --read-only-root) read_only_root=1 ;;
    --data-partition=*) data_partition=${argument#*=} ;;
    --uninstall) uninstall=1 ;;
    --purge) purge=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; fail "不认识的选项 $argument" "unknown option $argument" ;;
  esac
done

# --- Where we are -------------------------------------------------------------------------------

[ "$(id -u)" -eq 0 ] || fail "需要以 root 身份运行（在命令前加 sudo）" "must run as root (put sudo in front)"

os_id="" os_like="" codename=""
if [ -r /etc/os-release ]; then
  # shellcheck disable=SC1091 # the system's own file
  . /etc/os-release
  os_id=${ID:-} os_like=${ID_LIKE:-} codename=${VERSION_CODENAME:-}
fi
if [[ " $os_id $os_like " != *" debian "* ]] || [[ "$codename" != bookworm && "$codename" != trixie ]]; then
  fail "本系统是 ${PRETTY_NAME:-未知系统}，需要 Debian 或 Raspberry Pi OS 12 (Bookworm)" \
    "this is ${PRETTY_NAME:-an unknown system}; a station needs Debian or Raspberry Pi OS 12 (Bookworm)" \
    "On a Raspberry Pi: write Raspberry Pi OS Lite (64-bit, Bookworm) to the card with Raspberry Pi Imager."
fi

case "$(dpkg --print-architecture)" in
  arm64) arch=aarch64 debian_arch=arm64 ;;
  amd64) arch=x64 debian_arch=amd64 ;;
  armhf | armel)
    fail "这是 32 位系统；联络站需要 64 位 Raspberry Pi OS" \
      "this is a 32-bit system; a station needs 64-bit Raspberry Pi OS (arm64)" \
      "Write Raspberry Pi OS Lite (64-bit) to the card; a Pi 4 or Pi 5 runs it." ;;
  *) fail "不支持的处理器 $(dpkg --print-architecture)" "unsupported processor $(dpkg --print-architecture)" \
    "A station runs on a Raspberry Pi 4 / 5 (arm64) or a PC (amd64)." ;;
esac

pi_model=""
if [ -r /proc/device-tree/model ]; then
  pi_model=$(tr -d '\0' </proc/device-tree/model)
  [[ "$pi_model" == "Raspberry Pi"* ]] || pi_model=""
fi

systemd_running=0
[ -d /run/systemd/system ] && systemd_running=1

# --- Uninstall -----------------------------------------------------------------------------------

# The lines this script adds to a Pi's boot files carry $MARK, so they can be taken out again.
unmark() {
  local file=$1
  [ -f "$file" ] && grep -q "$MARK" "$file" || return 0
  sed -i "/$MARK/d" "$file"
}

uninstall_station() {
  say "正在卸载 · uninstalling the station"
  local units=() unit
  for unit in "$UNIT_DIR"/liaison-*.service "$UNIT_DIR"/liaison-*.timer; do
    [ -e "$unit" ] && units+=("$(basename "$unit")")
  done
  if [ "$systemd_running" = 1 ] && [ ${#units[@]} -gt 0 ]; then
    systemctl disable --now "${units[@]}" >/dev/null 2>&1 || true
  fi
  if [ -x "$OPT/bin/liaison-read-only-root" ]; then
    "$OPT/bin/liaison-read-only-root" disable || true
  fi
  for unit in "${units[@]}"; do rm -f "$UNIT_DIR/$unit"; done
  if [ -f "$STATE/tmp-mount" ]; then
    [ "$systemd_running" = 1 ] && systemctl disable tmp.mount >/dev/null 2>&1
    rm -f "$UNIT_DIR/tmp.mount"
  fi
  local journald_changed=0 watchdog_set=0
  if [ -s "$STATE/journald.conf.d" ]; then
    while IFS= read -r unit; do
      [[ $unit =~ ^[A-Za-z0-9._-]+\.conf$ ]] && rm -f "/etc/systemd/journald.conf.d/$unit"
    done <"$STATE/journald.conf.d"
    journald_changed=1
  fi
  if [ -f /etc/systemd/system.conf.d/liaison.conf ]; then
    rm -f /etc/systemd/system.conf.d/liaison.conf
    watchdog_set=1
  fi
  [ -n "$pi_model" ] && unmark "$BOOT_CONFIG"
  if [ -f "$BOOT_CMDLINE" ] && grep -q ' consoleblank=0' "$BOOT_CMDLINE" && [ -f "$STATE/consoleblank" ]; then
    sed -i 's/ consoleblank=0//' "$BOOT_CMDLINE"
  fi
  if [ "$systemd_running" = 1 ]; then
    systemctl daemon-reload
    # systemd reads RuntimeWatchdogSec only when it starts; journald its settings likewise.
    if [ "$watchdog_set" = 1 ]; then systemctl daemon-reexec; fi
    if [ "$journald_changed" = 1 ]; then systemctl restart systemd-journald; fi
  fi
  # A data partition of the station's: unmounted and its fstab line removed (its files stay on it).
  if [ -x "$OPT/bin/liaison-read-only-root" ] && findmnt -n "$HOME_DIR" >/dev/null 2>&1; then
    "$OPT/bin/liaison-read-only-root" forget-data-partition ||
      fail "无法卸下数据分区 $HOME_DIR" "could not unmount the data partition at $HOME_DIR"
  fi
  rm -rf "$OPT" /etc/liaison
  if [ -d "$HOME_DIR" ]; then
    if [ "$purge" = 1 ]; then
      rm -rf "$HOME_DIR"
    else
      find "$HOME_DIR" -mindepth 1 -maxdepth 1 ! -name station -exec rm -rf {} +
    fi
  fi
  if id liaison >/dev/null 2>&1; then
    userdel liaison
  fi
  say "已卸载；apt 安装的软件包保留 · removed (units, /opt/liaison, /etc/liaison, the user liaison); packages from apt are kept"
  if [ "$purge" = 0 ] && [ -d "$HOME_DIR/station" ]; then
    say "本站数据保留在 $HOME_DIR/station（--purge 一并删除）· the station's data stays in $HOME_DIR/station (--purge removes it)"
  fi
  exit 0
}

# On a read-only root (the overlay) what this script writes to / is gone at the next boot, while
# versions/ on the data partition stays: a half-changed station.
# (Raspberry Pi OS's overlayroot, named on the kernel's command line; a container's overlay is not it.)
if [[ " $(cat /proc/cmdline 2>/dev/null) " == *" overlayroot=tmpfs"* ]]; then
  fail "根文件系统是只读的（内存覆盖层），此时的更改重启后会丢失" \
    "the root file system is read-only (an overlay in RAM): changes now are lost at the next boot" \
    "Run /opt/liaison/bin/liaison-read-only-root disable, reboot, run this again, then enable it again."
fi

[ "$uninstall" = 1 ] && uninstall_station
[ "$purge" = 1 ] && fail "--purge 只能与 --uninstall 一起用" "--purge goes with --uninstall only"

# --- Settings: given now, else kept from the last install ----------------------------------------

# The value of KEY in the last install's station.env (its quotes taken off), or nothing.
previous_setting() {
  [ -r "$ENV_FILE" ] || return 0
  sed -n "s/^$1=//p" "$ENV_FILE" | tail -n 1 | sed 's/^"\(.*\)"$/\1/'
}

station=${station:-$(previous_setting LIAISON_STATION)}
hub=${hub:-$(previous_setting LIAISON_HUB)}
broker=${broker:-$(previous_setting LIAISON_BROKER)}
mode=${mode:-$(previous_setting MODE)}
mode=${mode:-kiosk}
rotation=${rotation:-$(previous_setting LIAISON_ROTATION)}
rotation=${rotation:-0}
size=${size:-$(previous_setting LIAISON_SIZE)}
size=${size:-1920x1080}
previous_display=$(previous_setting DISPLAY_SERVER)
case "${display:-${previous_display:-xorg}}" in
  x | xorg) display_server=xorg ;;
  xvfb) display_server=xvfb ;;
  *) fail "--display 只能是 x 或 xvfb，收到 '$display'" "--display must be x or xvfb, was '$display'" ;;
esac

[ -n "$station" ] || fail "缺少本站编号 --station（如 --station=s-002）" "--station is missing (e.g. --station=s-002)" \
  "The station's id is on the hub's station page (Stations → the station)."
[[ "$station" =~ ^[A-Za-z0-9._-]{1,64}$ ]] || fail "站点编号 '$station' 不对" "the station id '$station' is not one (letters, digits, . _ -)"
[ -n "$hub" ] || fail "缺少枢纽地址 --hub（如 --hub=http://192.168.1.20:8080）" "--hub is missing (e.g. --hub=http://192.168.1.20:8080)"
[[ "$hub" =~ ^https?://[^/?#\ ]+$ ]] || fail "枢纽地址 '$hub' 不对" "the hub's address '$hub' should look like http://192.168.1.20:8080"
hub_host=${hub#*://}
hub_host=${hub_host%:*}
broker=${broker:-tcp://$hub_host:1883}
[[ "$broker" =~ ^(tcp|ssl)://[^/\ ]+$ ]] || fail "消息服务地址 '$broker' 不对" "the broker's address '$broker' should look like tcp://192.168.1.20:1883"
[[ "$mode" == kiosk || "$mode" == signage ]] || fail "--mode 只能是 kiosk 或 signage，收到 '$mode'" "--mode must be kiosk or signage, was '$mode'"
[[ "$rotation" =~ ^(0|90|180|270)$ ]] || fail "--rotation 只能是 0、90、180 或 270，收到 '$rotation'" "--rotation must be 0, 90, 180 or 270, was '$rotation'"
[[ "$size" =~ ^[0-9]{3,5}x[0-9]{3,5}$ ]] || fail "--size 应如 1920x1080，收到 '$size'" "--size should look like 1920x1080, was '$size'"
if [ -n "$bundle" ] && [ ! -r "$bundle" ]; then
  fail "读不到安装包 $bundle" "cannot read the bundle $bundle"
fi
if [ -n "$jdk" ]; then
  [ -x "$jdk/bin/java" ] || fail "$jdk 里没有 bin/java" "$jdk has no bin/java" "--jdk names a JDK 25's folder (the one holding bin/ and release)."
  jdk_arch=$(sed -n 's/^OS_ARCH="\(.*\)"$/\1/p' "$jdk/release" 2>/dev/null)
  jdk_version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*"$/\1/p' "$jdk/release" 2>/dev/null)
  case "$arch:$jdk_arch" in
    aarch64:aarch64 | x64:x86_64 | x64:amd64) ;;
    *) fail "$jdk 是 ${jdk_arch:-未知} 处理器的 JDK，本机是 $arch" "$jdk is a JDK for ${jdk_arch:-an unknown processor}, this machine is $arch" ;;
  esac
  [ "${jdk_version:-0}" -ge 25 ] || fail "$jdk 是 JDK ${jdk_version:-?}，需要 25 或更新" "$jdk is JDK ${jdk_version:-?}; a station needs 25 or newer"
fi

# --- The bundle, checked before anything changes ------------------------------------------------

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -z "$bundle" ]; then
  say "从枢纽下载安装包 · downloading the linux-$arch bundle from $hub"
  bundle=$work/bundle.tar.gz
  curl -fsSL "$hub/install/bundle?arch=linux-$arch" -o "$bundle" ||
    fail "从 $hub 下载安装包失败" "could not download the bundle from $hub/install/bundle?arch=linux-$arch" \
      "Check the hub's address, or install from a USB stick with --bundle=FILE."
  # The hub signs a statement binding the bundle's version, processor and SHA-256 (Ed25519, its
  # public key as PEM; docs/FIELD.md "Bundles on the hub"): the signature is asked for the version
  # the downloaded file says it is, so a newer upload in between fails the check rather than passes.
  signed_version=$(tar -xzOf "$bundle" VERSION 2>/dev/null | tr -d '[:space:]') ||
    fail "下载的文件不是安装包" "what $hub sent is not a station bundle"
  if ! curl -fsSL "$hub/install/bundle.sig?arch=linux-$arch&version=$signed_version" -o "$work/bundle.sig.b64" ||
    ! curl -fsSL "$hub/install/hub-key.pub" -o "$work/hub-key.pub"; then
    fail "从 $hub 取不到安装包的签名" "could not get the bundle's signature or the hub's key from $hub"
  fi
  printf 'liaison-station-bundle\n%s\n%s\n%s\n' "$signed_version" "linux-$arch" \
    "$(sha256sum "$bundle" | cut -d' ' -f1)" >"$work/statement"
  base64 -d "$work/bundle.sig.b64" >"$work/bundle.sig" 2>/dev/null ||
    fail "安装包的签名格式不对，未安装" "the bundle's signature is malformed; nothing installed"
  # A station installed before trusts the key it has: a key that changed is refused, not taken.
  if [ -f /etc/liaison/hub-key.pub ] && ! cmp -s /etc/liaison/hub-key.pub "$work/hub-key.pub"; then
    fail "枢纽的公钥与本站已信任的不同，未安装" "the hub's key differs from the one this station trusts; nothing installed" \
      "If the county really made a new key, remove /etc/liaison/hub-key.pub and run this again."
  fi
  openssl pkeyutl -verify -pubin -inkey "$work/hub-key.pub" -rawin -in "$work/statement" -sigfile "$work/bundle.sig" >/dev/null 2>&1 ||
    fail "安装包的签名不对，未安装" "the bundle's signature does not match the hub's key; nothing installed"
  say "签名正确 · signature checked against the hub's key"
fi

tar -tzf "$bundle" >"$work/contents" 2>/dev/null || fail "$bundle 不是安装包（tar.gz）" "$bundle is not a station bundle (tar.gz)"
if ! grep -qx 'VERSION' "$work/contents" || ! grep -qx 'bin/liaison-station' "$work/contents"; then
  fail "$bundle 不是联络站安装包" "$bundle is not a station bundle (no VERSION or bin/liaison-station)"
fi
# JavaFX's graphics jar names its processor: -linux-aarch64 on a Pi, plain -linux on a PC.
if [ "$arch" = aarch64 ]; then
  grep -q '^javafx/javafx-graphics-.*-linux-aarch64\.jar$' "$work/contents" ||
    fail "$bundle 不是树莓派（aarch64）的安装包" "$bundle is not the bundle for this processor (aarch64)" \
      "Use liaison-station-VERSION-linux-aarch64.tar.gz on a Raspberry Pi."
else
  grep -q '^javafx/javafx-graphics-[^/]*-linux\.jar$' "$work/contents" ||
    fail "$bundle 不是 x64 的安装包" "$bundle is not the bundle for this processor (x64)" \
      "Use liaison-station-VERSION-linux-x64.tar.gz on a PC."
fi
version=$(tar -xzOf "$bundle" VERSION | tr -d '[:space:]')
[[ "$version" =~ ^[A-Za-z0-9._+-]{1,64}$ ]] || fail "安装包的版本号 '$version' 不对" "the bundle's version '$version' is not one"

# --- Packages ------------------------------------------------------------------------------------

step_started=$SECONDS
took() { say "$1 · $((SECONDS - step_started)) s"; step_started=$SECONDS; }

# fonts-noto-cjk: Chinese in JavaFX. libgtk-3-0 and the X libraries: JavaFX's window on Linux.
# x11-xserver-utils: xset (no blanking) and xrandr (rotation). No desktop environment.
# libavcodec59, libavformat59, libasound2: the managers' videos (javafx-media decodes H.264/AAC with
# Bookworm's FFmpeg 5.1 and plays sound through ALSA; a card without sound plays the picture).
packages=(ca-certificates curl openssl fonts-noto-cjk libgtk-3-0 libxtst6 libxxf86vm1 libgl1 x11-xserver-utils
  libavcodec59 libavformat59 libasound2)
if [ "$display_server" = xorg ]; then
  packages+=(xserver-xorg-core xserver-xorg-input-libinput xinit xinput)
else
  packages+=(xvfb)
fi
[ -n "$pi_model" ] && packages+=(libgpiod2)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    apt-get update -q || fail "apt-get update 失败（网络？）" "apt-get update failed (no network?)" \
      "Without a network: install from a USB stick with --bundle=FILE --jdk=DIR, the packages already on the card."
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}
if [ ${#missing[@]} -gt 0 ]; then
  say "安装软件包 · installing ${missing[*]}"
  apt_install "${missing[@]}"
fi
took "软件包 · packages (${#missing[@]} installed)"

mkdir -p "$OPT/bin" /etc/liaison
[ -f "$work/hub-key.pub" ] && cp "$work/hub-key.pub" /etc/liaison/hub-key.pub
if [ -n "$jdk" ]; then
  if [ "$(readlink -f "$jdk")" != "$(readlink -f "$OPT/jdk")" ]; then
    rm -rf "$OPT/jdk.new"
    cp -a "$(readlink -f "$jdk")" "$OPT/jdk.new"
    rm -rf "$OPT/jdk"
    mv "$OPT/jdk.new" "$OPT/jdk"
  fi
  jdk_from="copied from $jdk"
elif [ -d "$OPT/jdk" ] && [ ! -L "$OPT/jdk" ] && [ -x "$OPT/jdk/bin/java" ] &&
  [ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*"$/\1/p' "$OPT/jdk/release" 2>/dev/null || echo 0)" -ge 25 ] 2>/dev/null; then
  # A JDK copied by an earlier --jdk (an offline station) stays: a re-run needs no internet.
  jdk_from="kept from the last install ($OPT/jdk)"
else
  temurin=/usr/lib/jvm/temurin-25-jdk-$debian_arch
  if [ ! -x "$temurin/bin/java" ]; then
    say "从 Adoptium 安装 JDK 25 · installing Temurin 25 from Adoptium's apt repository"
    mkdir -p /etc/apt/keyrings
    curl -fsSL https://packages.adoptium.net/artifactory/api/gpg/key/public -o /etc/apt/keyrings/adoptium.asc ||
      fail "下载 Adoptium 的签名密钥失败" "could not download Adoptium's signing key" \
        "Without internet: copy a JDK 25 for $arch to the stick and give --jdk=DIR."
    echo "deb [signed-by=/etc/apt/keyrings/adoptium.asc] https://packages.adoptium.net/artifactory/deb $codename main" \
      >/etc/apt/sources.list.d/adoptium.list
    apt_updated=0
    apt_install temurin-25-jdk
  fi
  rm -rf "$OPT/jdk"
  ln -sfn "$temurin" "$OPT/jdk"
  jdk_from="Temurin 25 from Adoptium ($temurin)"
fi
java_said=$("$OPT/jdk/bin/java" -version 2>&1) || fail "$OPT/jdk/bin/java 不能运行" "$OPT/jdk/bin/java does not run:" "$java_said"
took "JDK · $jdk_from"

# --- The user ------------------------------------------------------------------------------------

if ! id liaison >/dev/null 2>&1; then
  useradd --system --user-group --home-dir "$HOME_DIR" --shell /usr/sbin/nologin liaison
fi
# video: the screen; input: the touch panel; render: the GPU; gpio: the motion sensor and LED (a Pi).
groups=()
for group in video input render gpio; do
  getent group "$group" >/dev/null && groups+=("$group")
done
[ ${#groups[@]} -gt 0 ] && usermod -a -G "$(IFS=,; echo "${groups[*]}")" liaison
first_install=1
[ -e "$HOME_DIR/station/station.db" ] && first_install=0
mkdir -p "$HOME_DIR/station" "$HOME_DIR/versions" "$HOME_DIR/update"

# --- The bundle ----------------------------------------------------------------------------------

target=$HOME_DIR/versions/$version
# Unpacked first where only root can reach (this run's own folder): the commands, units and settings
# root installs come from there, never from liaison's home, where liaison could swap them.
stage=$work/unpacked
mkdir -p "$stage"
tar -xzf "$bundle" -C "$stage" --no-same-owner
# The commands the units call keep their place when the version changes (the launcher stays in the bundle).
for command in "$stage"/bin/*; do
  [ "$(basename "$command")" = liaison-station ] && continue
  install -m 0755 "$command" "$OPT/bin/"
done
was_current=$(readlink "$HOME_DIR/current" 2>/dev/null || true)
rm -rf "$target" "$target.new"
cp -a "$stage" "$target.new"
mv "$target.new" "$target"
ln -sfn "versions/$version" "$HOME_DIR/current"
if [ -n "$was_current" ] && [ "$was_current" != "versions/$version" ] && [ -d "$HOME_DIR/$was_current" ]; then
  ln -sfn "$was_current" "$HOME_DIR/previous"
fi
# An update the app left pending is not this install's: liaison-update-check would otherwise roll
# back over it.
rm -f "$HOME_DIR/update/pending"
chown -R liaison:liaison "$HOME_DIR"
took "安装包 · bundle $version in $target"

# --- Settings, units, display, watchdog ----------------------------------------------------------

# Lines someone (or another part of the station) added to station.env are kept.
own_keys='MODE|LIAISON_STATION|LIAISON_HUB|LIAISON_BROKER|LIAISON_DATA_DIR|LIAISON_FULLSCREEN|LIAISON_SIZE|LIAISON_ROTATION|LIAISON_GPIO|LIAISON_HOME|DISPLAY|DISPLAY_SERVER|JAVA_OPTS'
kept=""
[ -r "$ENV_FILE" ] && kept=$(grep -Ev "^($own_keys)=" "$ENV_FILE" | grep -v '^# Written by' || true)
java_opts=$(previous_setting JAVA_OPTS)
{
  echo "# Written by station.sh on $(date -u +%Y-%m-%dT%H:%MZ); run it again to change these (docs/FIELD.md)."
  echo "MODE=$mode"
  echo "LIAISON_STATION=$station"
  echo "LIAISON_HUB=$hub"
  echo "LIAISON_BROKER=$broker"
  echo "LIAISON_DATA_DIR=$HOME_DIR/station"
  echo "LIAISON_FULLSCREEN=true"
  echo "LIAISON_SIZE=$size"
  echo "LIAISON_ROTATION=$rotation"
  [ -n "$pi_model" ] && echo "LIAISON_GPIO=gpiod"
  echo "LIAISON_HOME=$HOME_DIR"
  echo "DISPLAY=:0"
  echo "DISPLAY_SERVER=$display_server"
  echo "JAVA_OPTS=\"${java_opts:--Xmx384m -XX:+UseSerialGC}\""
  [ -n "$kept" ] && printf '%s\n' "$kept"
} >"$ENV_FILE.new"
chmod 0644 "$ENV_FILE.new"
mv "$ENV_FILE.new" "$ENV_FILE"

units=()
# Units and settings from root's own copy too (they run as root or configure systemd).
for unit in "$stage"/systemd/*.service "$stage"/systemd/*.timer; do
  [ -e "$unit" ] || continue
  install -m 0644 "$unit" "$UNIT_DIR/"
  units+=("$(basename "$unit")")
done
mkdir -p "$STATE"
: >"$STATE/journald.conf.d"
journald_changed=0
for conf in "$stage"/conf/journald.conf.d/*.conf; do
  [ -e "$conf" ] || continue
  mkdir -p /etc/systemd/journald.conf.d
  install -m 0644 "$conf" /etc/systemd/journald.conf.d/
  basename "$conf" >>"$STATE/journald.conf.d"
  journald_changed=1
done

notes=()
if [ -n "$pi_model" ]; then
  # The hardware watchdog resets a Pi whose whole system hangs; systemd feeds it.
  if [ -f "$BOOT_CONFIG" ] && ! grep -q '^dtparam=watchdog=on' "$BOOT_CONFIG"; then
    echo "dtparam=watchdog=on $MARK" >>"$BOOT_CONFIG"
    notes+=("硬件看门狗在重启后生效 · the hardware watchdog is on after a reboot ($BOOT_CONFIG)")
  fi
  # /tmp in RAM: what the JVM or a tool leaves there never reaches the SD card.
  if [ -f /usr/share/systemd/tmp.mount ] && [ ! -e "$UNIT_DIR/tmp.mount" ]; then
    install -m 0644 /usr/share/systemd/tmp.mount "$UNIT_DIR/tmp.mount"
    touch "$STATE/tmp-mount"
    notes+=("/tmp 在重启后位于内存中 · /tmp is in RAM after a reboot (tmp.mount)")
  fi
  # No blanking of the text console either (Xorg's own is off with -s 0 -dpms).
  if [ -f "$BOOT_CMDLINE" ] && ! grep -q 'consoleblank=0' "$BOOT_CMDLINE"; then
    sed -i '1 s/$/ consoleblank=0/' "$BOOT_CMDLINE"
    touch "$STATE/consoleblank"
  fi
fi
if [ -e /dev/watchdog ] || [ -n "$pi_model" ]; then
  mkdir -p /etc/systemd/system.conf.d
  printf '%s\n[Manager]\nRuntimeWatchdogSec=15\n' "$MARK: systemd feeds the hardware watchdog; a hung system resets" \
    >/etc/systemd/system.conf.d/liaison.conf
else
  notes+=("没有 /dev/watchdog，未启用硬件看门狗 · no /dev/watchdog here: the hardware watchdog is not set up")
fi

if [ "$read_only_root" = 1 ]; then
  if [ -x "$OPT/bin/liaison-read-only-root" ]; then
    # The app stopped first: its data is copied onto the data partition, and it must not go on
    # writing to the copy left behind (it starts again below).
    if [ "$systemd_running" = 1 ]; then systemctl stop liaison-station.service >/dev/null 2>&1 || true; fi
    "$OPT/bin/liaison-read-only-root" enable ${data_partition:+"--data-partition=$data_partition"}
    notes+=("只读根文件系统在重启后生效 · the read-only root takes effect after a reboot")
  else
    notes+=("此安装包没有只读根文件系统的命令，未设置 · this bundle has no liaison-read-only-root; --read-only-root not applied")
  fi
fi
took "设置与服务 · settings ($ENV_FILE) and units (${units[*]})"

# --- Start ---------------------------------------------------------------------------------------

if [ "$systemd_running" = 1 ]; then
  systemctl daemon-reload
  [ -f /etc/systemd/system.conf.d/liaison.conf ] && systemctl daemon-reexec
  [ "$journald_changed" = 1 ] && systemctl restart systemd-journald
  systemctl enable "${units[@]}" >/dev/null 2>&1
  [ -f "$STATE/tmp-mount" ] && systemctl enable tmp.mount >/dev/null 2>&1
  # A re-run restarts on the new bundle and settings; the first run starts. The station's unit
  # is started once the app says its screen shows (Type=notify).
  systemctl restart liaison-display.service liaison-station.service ||
    fail "服务没有启动" "the station's units did not start" \
      "See why: journalctl -u liaison-display -u liaison-station -n 100"
  for unit in "${units[@]}"; do
    [[ "$unit" == *.timer ]] && systemctl restart "$unit"
  done
  took "已启动 · started"
else
  notes+=("systemd 未运行，服务在下次开机时启动 · systemd is not running here: the units start at the next boot")
fi

say "完成 · done in $((SECONDS - STARTED)) s: $mode station $station, bundle $version, hub $hub"
for note in "${notes[@]}"; do say "$note"; done
code_file=$HOME_DIR/station/enrolment-code.txt
if [ "$systemd_running" = 1 ] && [ "$first_install" = 1 ]; then
  # The unit is active once the screen shows (READY=1); the code follows when the hub answers.
  for _ in $(seq 1 30); do
    [ -s "$code_file" ] && break
    sleep 1
  done
fi
if [ -s "$code_file" ]; then
  say "登记码 · enrolment code: $(tr -d '[:space:]' <"$code_file") (on the screen too)"
fi
say "屏幕上显示登记码时，请管理员在管理后台「站点管理 → $station → 屏幕登记」输入 · an administrator enters the code the screen shows in the admin: Stations → $station → Screen"
say "状态 · status: systemctl status liaison-station · journalctl -u liaison-station"
