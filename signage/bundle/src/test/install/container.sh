# shellcheck shell=bash
# What the station's and the county server's installer tests share about their systemd container,
# sourced by both: needs $leader (the container's init, as a host pid) and $nspawn_pid.

# Runs a command in the container (its namespaces, its root) with a clean environment.
in_container() {
  nsenter --target "$leader" --mount --uts --ipc --net --pid --root --wd -- \
    /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"
}

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
  local seconds=$1
  shift
  for _ in $(seq 1 $((seconds * 2))); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  return 1
}

# Powers the container off (systemd's SIGRTMIN+4), then makes sure systemd-nspawn has ended.
stop_container() {
  if [ -n "$nspawn_pid" ] && kill -0 "$nspawn_pid" 2>/dev/null; then
    [ -n "$leader" ] && kill -s SIGRTMIN+4 "$leader" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.5; done
    kill "$nspawn_pid" 2>/dev/null || true
    wait "$nspawn_pid" 2>/dev/null || true
  fi
}
