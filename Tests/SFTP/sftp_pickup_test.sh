#!/usr/bin/env bash
# End-to-end: podtrack publishes Amazon files while a real storefront client takes them away over
# a real OpenSSH SFTP server, and podtrack records every pickup. See README.md beside this script.
#
#   sftp_pickup_test.sh [PODTRACK_BIN]     (default: .build/debug/podtrack of this checkout)
#
#   KEEP=1          keep the work dir (site, world, downloads, logs) and print where it is
#   SHARED=DIR      where bench/gen_drops.py and bench/check_outbox.py are (default: ../shared beside the checkout)
#
# Needs root (it starts sshd and adds a throwaway user). Last line: `N passed, M failed`; exit 1 if M > 0.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "${1:-$repo/.build/debug/podtrack}")
bench=${SHARED:-$repo/../shared}/bench
storefront=acme/amazon-de
amazon_header=$'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method'

[[ $(id -u) == 0 ]] || { echo "needs root: it starts sshd and adds a user"; exit 1; }
[[ -x $bin ]] || { echo "no podtrack binary at $bin (swift build first)"; exit 1; }
[[ -f $bench/gen_drops.py ]] || { echo "no $bench/gen_drops.py (set SHARED=...)"; exit 1; }

need=()
[[ -x /usr/sbin/sshd ]] || need+=(openssh-server)
{ command -v sftp && command -v ssh-keygen; } >/dev/null || need+=(openssh-client)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v python3 >/dev/null || need+=(python3)
if ((${#need[@]})); then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

started=$SECONDS
work=$(mktemp -d /tmp/podtrack-sftp.XXXXXX)
user=podtrack-sftp-$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')
site=$work/site world=$work/world dl=$work/dl client=$work/client
outbox=$site/Outbox/$storefront
sshd_pid='' client_pid='' user_added=''

cleanup() {
  local status=$?
  set +e
  # The client stops between cycles; only a stuck one is killed (its sftp would keep a session open).
  if [[ -n $client_pid ]]; then
    touch "$client/stop"
    for _ in {1..50}; do kill -0 "$client_pid" 2>/dev/null || break; sleep 0.1; done
    kill "$client_pid" 2>/dev/null
  fi
  # The PidFile is written once sshd listens; before that only $! knows the process.
  local pid
  pid=$(cat "$work/sshd.pid" 2>/dev/null || echo "$sshd_pid")
  [[ -n $pid ]] && kill "$pid" 2>/dev/null
  [[ -n $sshd_pid ]] && wait "$sshd_pid" 2>/dev/null
  [[ -n $user_added ]] && userdel -f -r "$user" >/dev/null 2>&1
  if [[ -n ${KEEP:-} ]]; then echo "kept $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The site: the repo's definitions, Amazon's files readable by the sftp user.
mkdir -p "$site/Inbox" "$outbox" "$dl/$storefront" "$client/staging"
cp -r "$repo/Pipelines" "$site/Pipelines"
python3 - "$site/Pipelines/acme/storefronts/amazon-de.json" <<'EOF'
import json, sys
path = sys.argv[1]
definition = json.load(open(path))
definition["file_mode"] = "0644"
json.dump(definition, open(path, "w"), indent=2)
EOF
python3 "$bench/gen_drops.py" "$world" --orders 300 --sources erp,rip,ups --days 6 >/dev/null

# The sftp user: a key instead of a password; `*` unlocks the account (sshd refuses a locked one).
useradd -m "$user"
user_added=1
usermod -p '*' "$user"
ssh-keygen -q -t ed25519 -N '' -f "$work/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$work/client_key"
cp "$work/client_key.pub" "$work/authorized_keys"
chmod 0644 "$work/authorized_keys"
# The user must reach the Outbox folder (mktemp made $work 0700) and delete files in it; it reads
# authorized_keys as that user too. It may not list anything else.
chmod 0711 "$work" "$site" "$site/Outbox" "$site/Outbox/acme"
chown "$user" "$outbox"

# StrictModes would refuse authorized_keys under /tmp (world-writable); the file itself is root's, 0644.
cat >"$work/sshd_config" <<EOF
ListenAddress 127.0.0.1
HostKey $work/host_key
PidFile $work/sshd.pid
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin no
AllowUsers $user
AuthorizedKeysFile $work/authorized_keys
StrictModes no
LogLevel VERBOSE
Subsystem sftp internal-sftp
Match User $user
  ForceCommand internal-sftp -d $outbox
  AllowTcpForwarding no
  X11Forwarding no
EOF
mkdir -p /run/sshd
/usr/sbin/sshd -t -f "$work/sshd_config"

# A free port: sshd writes its PidFile once it listens, and exits at once when the port is taken.
port=''
for _ in {1..20}; do
  try=$((22000 + RANDOM % 20000))
  : >"$work/sshd.log"
  /usr/sbin/sshd -D -f "$work/sshd_config" -E "$work/sshd.log" -p "$try" &
  sshd_pid=$!
  for _ in {1..100}; do
    [[ -s $work/sshd.pid ]] && { port=$try; break 2; }
    kill -0 "$sshd_pid" 2>/dev/null || break
    sleep 0.05
  done
  kill "$sshd_pid" 2>/dev/null || true
  wait "$sshd_pid" 2>/dev/null || true
  sshd_pid=''
  grep -q "Address already in use" "$work/sshd.log" || { echo "sshd did not start:"; cat "$work/sshd.log"; exit 1; }
done
[[ -n $port ]] || { echo "no free port for sshd after 20 tries"; exit 1; }
echo "sshd on 127.0.0.1:$port (pid $sshd_pid), user $user, work dir $work"

# One sftp session running batch file $1; commands are echoed as `sftp> …` on stdout.
sftp_batch() {
  echo connection >>"$client/connections"
  sftp -q -b "$1" -i "$work/client_key" -P "$port" -o BatchMode=yes -o IdentitiesOnly=yes \
    -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=5 \
    "$user@127.0.0.1"
}

# The storefront: list, get whole into staging, move into $dl, then delete remotely. A failed get
# deletes nothing (the files stay for the next cycle); every download is one line in downloads.log.
client_loop() {
  set +e
  local listing names name
  while [[ ! -e $client/stop ]]; do
    echo "ls -1" >"$client/ls.batch"
    if ! listing=$(sftp_batch "$client/ls.batch" 2>>"$client/errors.log"); then
      echo "ls batch failed" >>"$client/errors.log"
      listing=''
    fi
    names=$(grep -v '^sftp>' <<<"$listing")
    if [[ -n $names ]]; then
      : >"$client/get.batch"
      : >"$client/rm.batch"
      for name in $names; do
        # podtrack's names are [a-z0-9-.]; anything else would need quoting in a batch file
        [[ $name =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || { echo "skipped odd name '$name'" >>"$client/errors.log"; continue; }
        echo "get $name $client/staging/$name" >>"$client/get.batch"
        echo "rm $name" >>"$client/rm.batch"
      done
      if sftp_batch "$client/get.batch" >/dev/null 2>>"$client/errors.log"; then
        for name in $(awk '{print $2}' "$client/get.batch"); do
          mv "$client/staging/$name" "$dl/$storefront/$name"
          echo "$name $(stat -c %s "$dl/$storefront/$name")" >>"$client/downloads.log"
        done
        sftp_batch "$client/rm.batch" >/dev/null 2>>"$client/errors.log" || echo "rm batch failed" >>"$client/errors.log"
      else
        echo "get batch failed; retrying next cycle" >>"$client/errors.log"
        rm -f "$client/staging/"*
      fi
    fi
    sleep 0.2
  done
}
touch "$client/downloads.log" "$client/connections" "$client/errors.log"
client_loop &
client_pid=$!

# Feed the world round by round, as run_world.sh does.
podtrack_run() {
  if ! "$bin" run --site "$site" >"$work/last-run.log" 2>&1; then
    echo "podtrack run failed ($1):"; tail -20 "$work/last-run.log"; exit 1
  fi
}
rounds=0
for round in "$world"/rounds/*/; do
  cp -r "$round". "$site/Inbox/"
  podtrack_run "round $(basename "$round")"
  rounds=$((rounds + 1))
done
podtrack_run "after the last round"
echo "fed $rounds rounds; the storefront took $(wc -l <"$client/downloads.log") files meanwhile"

# Bounded wait for the storefront to take everything, then stop the client between cycles.
for _ in {1..300}; do
  [[ -z $(ls -A "$outbox") ]] && break
  sleep 0.1
done
[[ -z $(ls -A "$outbox") ]] || echo "TIMEOUT: after 30 s the Outbox still holds $(ls -A "$outbox" | wc -l) files"
touch "$client/stop"
for _ in {1..100}; do
  kill -0 "$client_pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$client_pid" 2>/dev/null; then
  echo "TIMEOUT: the client loop did not stop within 10 s; killing it"
  kill "$client_pid"
fi
wait "$client_pid" 2>/dev/null || true
client_pid=''
podtrack_run "recording the last pickups"

failures=() passes=0
check() { # check DESCRIPTION DETAIL-IF-FAILED COMMAND...: passes when COMMAND succeeds
  local description=$1 detail=$2
  shift 2
  if "$@"; then echo "ok   $description"; passes=$((passes + 1))
  else echo "FAIL $description${detail:+: $detail}"; failures+=("$description"); fi
}

# 1. Every downloaded file is whole: Amazon's header, 8 TAB-separated cells a line, a final newline.
bad=()
downloaded=("$dl/$storefront"/*)
[[ -e ${downloaded[0]} ]] || downloaded=()
for f in "${downloaded[@]}"; do
  if [[ -n $(tail -c1 "$f") ]]; then bad+=("$(basename "$f"): no final newline")
  elif [[ $(head -n1 "$f") != "$amazon_header" ]]; then bad+=("$(basename "$f"): header $(head -n1 "$f" | cat -A)")
  elif ! awk -F'\t' 'NF != 8 { exit 1 }' "$f"; then bad+=("$(basename "$f"): a line without 8 cells")
  fi
done
check "${#downloaded[@]} downloaded files are whole Amazon files" "${bad[*]}" test ${#bad[@]} -eq 0

# 2. What the storefronts were told, over the downloads (Amazon) and the Outbox (Shopify, Woo).
verdict=$(python3 "$bench/check_outbox.py" "$site/Outbox" "$world/expected.json" --picked-up "$dl" 2>&1) || true
sed 's/^/     /' <<<"$verdict"
check "check_outbox.py over the Outbox and the downloads" "" test "$(tail -n1 <<<"$verdict" | grep -o ' 0 failed$')" = " 0 failed"

# 3. The ledger knows every file the storefront took, and that it took it.
ledger() { sqlite3 "$site/State/ledger.sqlite" "$1"; }
exported=$(ledger "SELECT file FROM exports WHERE tenant='acme' AND storefront='amazon-de'")
mismatch=$(awk 'NR == FNR { if (NF) exported[$1] = 1; next } { got[$1]++ }
  END { for (f in exported) if (got[f] != 1) print f " downloaded " got[f] + 0 " times"
        for (f in got) if (!(f in exported)) print f " downloaded but never exported" }' \
  <(echo "$exported") "$client/downloads.log" | sort)
check "each amazon-de export downloaded once ($(grep -c . <<<"$exported") exports, $(wc -l <"$client/downloads.log") downloads)" \
  "$(head -5 <<<"$mismatch" | paste -sd ';')" test -n "$exported" -a -z "$mismatch"
waiting=$(ledger "SELECT count(*) FROM exports WHERE tenant='acme' AND storefront='amazon-de' AND picked_up_at IS NULL")
check "the ledger has a picked_up_at for every amazon-de export" "$waiting without" test "$waiting" -eq 0
check "the amazon-de Outbox folder is empty" "$(ls -A "$outbox" | head -5 | paste -sd ' ')…" test -z "$(ls -A "$outbox")"
check "the client met no sftp errors" "$(head -5 "$client/errors.log" | tr '\n' ' ')" test ! -s "$client/errors.log"

# 4. sshd's own account: each client connection was a key login into the forced internal-sftp.
# (internal-sftp's own log of the removes goes to syslog, which a test machine may not have.)
connections=$(wc -l <"$client/connections")
logins=$(grep -c "Accepted publickey for $user " "$work/sshd.log" || true)
sessions=$(grep -c "Starting session: forced-command (config) 'internal-sftp -d $outbox" "$work/sshd.log" || true)
check "sshd logged a key login and an internal-sftp session for each of the $connections client connections" \
  "$logins logins, $sessions sessions" test "$connections" -gt 0 -a "$logins" -eq "$connections" -a "$sessions" -eq "$connections"

echo "($rounds rounds, $((SECONDS - started)) s)"
echo "$passes passed, ${#failures[@]} failed"
((${#failures[@]} == 0))
