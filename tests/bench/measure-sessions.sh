#!/usr/bin/env bash
# The cost of checking every signed-in request's session, and sign-in timing for known and unknown emails
# (see docs/benchmarks.md, "Sessions and sign-in").
#
#   tests/bench/measure-sessions.sh [OLD_BIN]
#
# Starts the Release site of this checkout twice on the demo organisation (Development, SQLite) — with the session
# check cached (Accounts__SessionCheckSeconds=5, the default) and uncached (0: two-column query every request) —
# and, given OLD_BIN (the Release output of a build before the check, i.e. Identity's 30-minute validator), that
# too. Then ROUNDS times, alternating between the sites in one run: wrk (1 thread, CONNS connections, SECONDS s,
# --latency) on PAGE with a signed-in cookie; prints each run's median and 99th percentile latency and requests/s.
# Then sign-in timing on each site: SIGNINS sign-in posts each, alternating, for a known email with a wrong
# password (spread over the demo people so none reaches lockout) and for an unknown email; curl's time_total of the
# POST alone; prints the median and the 10th–90th percentile.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
old=${1:-}
rounds=${ROUNDS:-3}
seconds=${SECONDS_EACH:-10}
conns=${CONNS:-2}
page=${PAGE:-/certificates}
signins=${SIGNINS:-41}
work=$(mktemp -d /tmp/sp-sessions-XXXX)
bin="$root/src/ServicePromise.Web/bin/Release/net10.0"
[ -f "$bin/ServicePromise.Web.dll" ] || dotnet build "$root/src/ServicePromise.Web" -c Release -v quiet -nologo >/dev/null
domain=demo.mercadosolivo.es
people=(lucia.romero manuel.ortiz anabelen.vargas sergio.molina elena.prieto raul.dominguez cristina.fuentes david.iglesias
        nuria.medina alberto.garrido sara.cortes patricia.flores hugo.santana irene.bravo diego.mendez alejandro.vidal
        laura.gallego jorge.pena silvia.lorenzo marcos.gomez beatriz.santos oscar.nunez teresa.marin)

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }

declare -A port pid
start() { # name bin-dir port [extra env...]
  local name=$1 dir=$2 p=$3; shift 3
  mkdir -p "$work/$name"
  (cd "$dir" && env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$p" Content__Path="$root/content" \
     ConnectionStrings__Default="Data Source=$work/$name/app.db" Mail__PickupDirectory="$work/$name/mail" Evidence__Path="$work/$name/evidence" \
     Reminders__Enabled=false Invitations__Enabled=false Logging__LogLevel__Default=Warning \
     Throttling__SignInPerAddress__Permits=1000000 Throttling__SignInPerAccount__Permits=1000000 "$@" \
     dotnet ServicePromise.Web.dll >"$work/$name/site.log" 2>&1) &
  pid[$name]=$!
  port[$name]=$p
}
stop_all() { for n in "${!pid[@]}"; do kill "${pid[$n]}" 2>/dev/null || true; done; }
trap stop_all EXIT

start cached "$bin" 5301 Accounts__SessionCheckSeconds=5
start uncached "$bin" 5302 Accounts__SessionCheckSeconds=0
[ -n "$old" ] && start before "$old" 5303
names=(cached uncached); [ -n "$old" ] && names+=(before)

declare -A cookie
for n in "${names[@]}"; do
  base="http://127.0.0.1:${port[$n]}"
  for _ in $(seq 1 240); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  jar="$work/$n/jar"
  token=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | token_of)
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Email=manuel.ortiz@$domain" --data-urlencode "Input.Password=Promesa-2026" "$base/account/login"
  cookie[$n]=$(awk '$6 ~ /^sp\.auth/ { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar")
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${cookie[$n]}" "$base$page")" = 200 ] || { echo "$n: $page did not open signed in" >&2; exit 1; }
  wrk -t1 -c"$conns" -d3s -H "Cookie: ${cookie[$n]}" "$base$page" >/dev/null   # warm-up
done

echo "== $page, wrk -t1 -c$conns -d${seconds}s, $rounds rounds alternating =="
for r in $(seq 1 "$rounds"); do
  for n in "${names[@]}"; do
    out=$(wrk -t1 -c"$conns" -d"${seconds}s" --latency -H "Cookie: ${cookie[$n]}" "http://127.0.0.1:${port[$n]}$page")
    printf 'round %s %-9s median %-8s p99 %-8s %s req/s\n' "$r" "$n" "$(awk '$1=="50%"{print $2}' <<<"$out")" \
      "$(awk '$1=="99%"{print $2}' <<<"$out")" "$(awk '/Requests\/sec/{print $2}' <<<"$out")"
  done
done

pct() { sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms (p10 %.1f, p90 %.1f), n=%d", a[int((NR+1)/2)], a[int(NR*0.1)+1], a[int(NR*0.9)], NR}'; }
echo "== sign-in POST time (curl time_total), $signins each, alternating =="
for n in "${names[@]}"; do
  base="http://127.0.0.1:${port[$n]}"
  : >"$work/$n/known"; : >"$work/$n/unknown"
  for i in $(seq 1 "$signins"); do
    for kind in known unknown; do
      if [ $kind = known ]; then email="${people[$((i % ${#people[@]}))]}@$domain"; else email="nadie$i@$domain"; fi
      jar="$work/$n/jar-signin"; rm -f "$jar"
      token=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | token_of)
      curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{time_total}\n' --data-urlencode "__RequestVerificationToken=$token" \
        --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=wrong-password-$i" "$base/account/login" \
        | awk '{printf "%.2f\n", $1*1000}' >>"$work/$n/$kind"
    done
  done
  printf '%-9s known email, wrong password: %s\n' "$n" "$(pct <"$work/$n/known")"
  printf '%-9s unknown email:               %s\n' "$n" "$(pct <"$work/$n/unknown")"
done
