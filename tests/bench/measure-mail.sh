#!/usr/bin/env bash
# Sending N queued invitations over SMTP, before and after MailKit (see docs/benchmarks.md, "Sending invitations").
#
#   tests/bench/measure-mail.sh [OLD_REF] [NEW_REF]     # defaults: main and HEAD
#   N=100000 ROUNDS=1 SINKS="sink maildev" tests/bench/measure-mail.sh
#
# Builds each git ref (git archive into a temporary folder, Release publish), writes a synthetic HR export of N people
# (generate-staff-csv) and queues their N invitations once in a fresh SQLite database (import-staff --apply
# --send-later, with NEW_REF). Then, ROUNDS times and alternating between the refs, for each SMTP server in SINKS:
# starts a fresh server (`sink`: tests/bench/smtp-sink.py, which discards every message and counts connections;
# `maildev`: the pinned maildev of tests/tools, which parses and stores each one), copies the queued database and runs
# `import-staff FILE --apply` — the file is unchanged, so the import changes nothing and the command only drains the
# queue with the invitation sender — and reads the sender's own time from the line "N invitations sent. Took X s."
# (the import's file reading and diff before it are not counted). Prints one line per run, with the load average,
# and checks the server received every queued invitation (100,000 rows queue 99,069: ~1 % of the people are inactive).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
old_ref=${1:-main}
new_ref=${2:-HEAD}
n=${N:-100000}
rounds=${ROUNDS:-1}
sinks=${SINKS:-sink maildev}
port=${SMTP_PORT:-42525}
web_port=$((port + 1))
work=${WORK:-$(mktemp -d /tmp/sp-mail-XXXX)}   # WORK=an earlier run's folder reuses its builds
mkdir -p "$work"
maildev="$root/tests/tools/node_modules/maildev/bin/maildev"
[ -f "$maildev" ] || maildev=/work/main/tests/tools/node_modules/maildev/bin/maildev
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

build() { # ref name
  [ -f "$work/bin-$2/ServicePromise.Web.dll" ] && return
  mkdir -p "$work/src-$2"
  git archive "$1" | tar -x -C "$work/src-$2"
  dotnet publish "$work/src-$2/src/ServicePromise.Web" -c Release -o "$work/bin-$2" -v quiet -nologo >"$work/build-$2.log" 2>&1 \
    || { cat "$work/build-$2.log" >&2; exit 1; }
}

app() { # name db [args...]
  local name=$1 db=$2; shift 2
  (cd "$work/bin-$name" && env ASPNETCORE_ENVIRONMENT=Production Content__Path="$root/content" ConnectionStrings__Default="Data Source=$db" \
     App__PublicBaseUrl=http://127.0.0.1:5099 Mail__Host=127.0.0.1 Mail__Port="$port" Mail__From=promesa@bench.test \
     Reminders__Enabled=false Invitations__Enabled=false Evidence__WorkerEnabled=false Logging__LogLevel__Default=Warning \
     dotnet ServicePromise.Web.dll "$@")
}

start_server() { # sink|maildev
  rm -f "$work/counts"
  if [ "$1" = sink ]; then
    python3 "$root/tests/bench/smtp-sink.py" "$port" "$work/counts" & server_pid=$!
  else
    node "$maildev" --ip 127.0.0.1 --smtp "$port" --web "$web_port" --mail-directory "$work/maildev" --silent >"$work/maildev.log" 2>&1 & server_pid=$!
  fi
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return; sleep 0.1; done
  echo "the $1 SMTP server did not start" >&2; exit 1
}

received() { # sink|maildev
  if [ "$1" = sink ]; then awk '{print $2}' "$work/counts"; else curl -fs "http://127.0.0.1:$web_port/email" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; fi
}

echo "==> Building $old_ref (old) and $new_ref (new) in $work"
build "$old_ref" old
build "$new_ref" new
echo "==> Queueing $n invitations"
app new "$work/staff.csv.db" generate-staff-csv --rows "$n" "$work/staff.csv" >/dev/null
rm -f "$work"/queued.db*
queued=$(app new "$work/queued.db" import-staff "$work/staff.csv" --apply --send-later | grep "invitations queued")
echo "$queued (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
expected=${queued%% *}

for round in $(seq "$rounds"); do
  for sink in $sinks; do
    for name in old new; do
      start_server "$sink"
      cp "$work/queued.db" "$work/run.db"
      start=$(date +%s.%N)
      line=$(app "$name" "$work/run.db" import-staff "$work/staff.csv" --apply | grep "invitations sent")
      wall=$(echo "$(date +%s.%N) - $start" | bc)
      sleep 0.5
      got=$(received "$sink")
      conns=$([ "$sink" = sink ] && awk '{print $1 - 1}' "$work/counts" || echo "-")   # less start_server's probe
      echo "round $round  $sink  $name: $line  (process $(printf '%.1f' "$wall") s; server received $got, connections $conns; load average $(cut -d' ' -f1-3 /proc/loadavg))"
      [ "$got" = "$expected" ] || echo "  WARNING: expected $expected messages" >&2
      kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=
      rm -rf "$work/maildev" "$work/run.db" "$work/run.db-wal" "$work/run.db-shm"
    done
  done
done
