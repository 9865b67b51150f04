#!/usr/bin/env bash
# Measures ServicePromise at scale against a running site (see docs/benchmarks.md).
#
#   tests/bench/measure-site.sh prepare DB_FILE N       build the Release site, generate N people into DB_FILE,
#                                                      create the bench HR account
#   tests/bench/measure-site.sh run DB_FILE [URL...]    start the site on DB_FILE, sign in as HR, time each URL
#   tests/bench/measure-site.sh employee-pages          the employee pages' throughput against a static file, and
#                                                      the certificate PDF (demo organisation; see below)
#   tests/bench/measure-site.sh practice DB_FILE [N]   issue 14: on DB_FILE (made here with generate-org N, 100,000 by default,
#                                                      and generate-practice --per-week 2 when it does not exist), the home
#                                                      and record of a certified employee, a manager's team, HR's knowledge
#                                                      kept and its drill-downs, and the weekly job once (time, max RSS)
#   tests/bench/measure-site.sh scheduler DB_FILE [N] issue 14: the weekly job with everyone certified: on DB_FILE (generate-org N,
#                                                      100,000 by default, when it does not exist) every active person without
#                                                      a current certificate is given one (SQL), then the job runs for
#                                                      three successive weeks (time, max RSS each)
#   tests/bench/measure-site.sh cold-start              the published app to a healthy /healthz on an empty database
#   tests/bench/measure-site.sh measurement DB_FILE     on a prepared database: HR's Medición page and the home of an
#                                                      employee whose site has audit results, each against the stylesheet
#
# Timing: one warm-up request, then REPEAT (21) requests one after another with curl; prints median, min and max
# of curl's time_total in ms, and the site's memory (VmRSS/VmHWM) before and after. Server time is what the
# request costs end to end on loopback, so it includes Kestrel and the page's rendering.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
repeat=${REPEAT:-21}
port=${PORT:-5099}
base="http://127.0.0.1:$port"
bin=${BIN:-"$root/src/ServicePromise.Web/bin/Release/net10.0"}   # BIN: an already built site (skips the build in practice)
email=bench@bench.test
password='Bench-olivo-tortuga-2026' # strong enough for the password rule (zxcvbn score 4)

site_env() {
  export ASPNETCORE_ENVIRONMENT=Production Content__Path="$root/content" Reminders__Enabled=false \
         ConnectionStrings__Default="Data Source=$1" App__PublicBaseUrl="$base" Logging__LogLevel__Default=Warning
}

port_free() { ! curl -s -o /dev/null "$base/" 2>/dev/null || { echo "Something already answers on $base; set PORT" >&2; exit 1; }; }
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
# Signs EMAIL in with the bench password into cookie JAR. The first time, it sets the bench HR account's password from
# the link create-admin printed (the user id and token stay in the link's query, which the page binds on POST too).
bench_sign_in() {
  local jar=$1 who=$2 link url token
  if link=$(grep -o 'https\?://[^ ]*set-password[^ ]*' /tmp/sp-bench-admin.txt 2>/dev/null | head -n 1) && [ -n "$link" ]; then
    url="$base/${link#*://*/}"
    if token=$(curl -fs -c "$jar" -b "$jar" "$url" | token_of) && [ -n "$token" ]; then
      curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
        --data-urlencode "Input.Password=$password" --data-urlencode "Input.ConfirmPassword=$password" "$url" || true
    fi
  fi
  token=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | token_of)
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Login=$who" --data-urlencode "Input.Password=$password" "$base/account/login"
  grep -q 'sp\.auth' "$jar" || { echo "Could not sign in as $who" >&2; exit 1; }
}
cookie_of() { awk '$6 ~ /^sp\.auth/ { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$1"; }
# REPEAT sequential requests with curl after a warm-up: prints "median min max" of time_total in ms.
sequential_ms() {
  local url=$1 cookie=$2 times=()
  curl -fs -o /dev/null -H "Cookie: $cookie" "$base$url"
  for _ in $(seq 1 "$repeat"); do times+=("$(curl -fs -o /dev/null -H "Cookie: $cookie" -w '%{time_total}' "$base$url")"); done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "%.1f %.1f %.1f\n", t[int((NR + 1) / 2)], t[1], t[NR] }'
}

case "${1:-}" in
  prepare)
    db=$2; people=$3
    dotnet build "$root/src/ServicePromise.Web" -c Release -v quiet -nologo >/dev/null
    site_env "$db"
    (cd "$bin" && time dotnet ServicePromise.Web.dll generate-org --employees "$people")
    (cd "$bin" && dotnet ServicePromise.Web.dll create-admin --email "$email" --name "Bench HR") | tee /tmp/sp-bench-admin.txt
    ;;
  run)
    db=$2; shift 2
    urls=("$@")
    [ ${#urls[@]} -gt 0 ] || urls=(/hr/dashboard /hr/dashboard/manager /hr/dashboard/site
      /hr/completion "/hr/completion?status=Overdue" "/hr/completion?p=3000" "/hr/completion?department=2&status=InProgress"
      "/hr/completion?q=romero%20gil" "/hr/completion?site=7&status=Completed" "/hr/completion?job=Cajero/a&status=Overdue"
      "/hr/completion?manager=13" "/hr/completion?onboarding=Late" "/hr/completion?onboarding=DueSoon"
      "/hr/completion?without=Manager&status=Completed" /hr/people/5000)
    site_env "$db"
    (cd "$bin" && ASPNETCORE_URLS="$base" exec dotnet ServicePromise.Web.dll) >/tmp/sp-bench-site.log 2>&1 &
    site=$!
    trap 'kill $site 2>/dev/null || true' EXIT
    for _ in $(seq 1 120); do curl -fs "$base/account/login" >/dev/null 2>&1 && break; sleep 0.5; done
    jar=$(mktemp)
    bench_sign_in "$jar" "$email"
    memory() { awk '/VmRSS|VmHWM/ { printf "%s %d MB  ", $1, $2 / 1024 }' "/proc/$site/status"; echo; }
    echo "memory before: $(memory)"
    printf '%-60s %8s %8s %8s %8s\n' url median min max bytes
    for url in "${urls[@]}"; do
      curl -fs -o /dev/null -b "$jar" "$base$url"
      times=()
      for _ in $(seq 1 "$repeat"); do
        times+=("$(curl -fs -o /dev/null -b "$jar" -w '%{time_total}' "$base$url")")
      done
      size=$(curl -fs -b "$jar" "$base$url" | wc -c)
      printf '%s\n' "${times[@]}" | sort -n | awk -v url="$url" -v size="$size" \
        '{ t[NR] = $1 * 1000 } END { printf "%-60s %8.0f %8.0f %8.0f %8d\n", url, t[int((NR + 1) / 2)], t[1], t[NR], size }'
    done
    echo "memory after:  $(memory)"
    rm -f "$jar"
    ;;
  employee-pages)
    # Throughput of the pages every employee opens, as a ratio to the site's stylesheet on the same Kestrel in the same
    # run: ROUNDS (5) rounds; in each, for each page, wrk on the stylesheet then wrk on the page (alternating, SECONDS_EACH
    # s each, CONNS (16) connections, 2 threads); the ratio of that pair's requests/s. Prints every pair and the median
    # ratio per page. Then the certificate PDF: REPEAT sequential downloads with curl, median time_total.
    # The demo organisation is seeded by a Development start, then the site runs in Production on that database; both
    # from a Release publish (ReadyToRun, with wwwroot), as deployed.
    rounds=${ROUNDS:-5}; seconds=${SECONDS_EACH:-5}; conns=${CONNS:-16}
    work=$(mktemp -d /tmp/sp-pages-XXXX)
    # The published app, as the Dockerfile runs it: a plain build's output has no wwwroot, so in Production the
    # stylesheet would be a redirect to the sign-in page and the ratio would compare a page with a redirect.
    dotnet publish "$root/src/ServicePromise.Web" -c Release -o "$work/publish" -v quiet -nologo >/dev/null
    bin="$work/publish"
    db="$work/app.db"
    port_free
    common=(Content__Path="$root/content" ConnectionStrings__Default="Data Source=$db" App__PublicBaseUrl="$base"
      Reminders__Enabled=false Invitations__Enabled=false Mail__PickupDirectory="$work/mail" Evidence__Path="$work/evidence"
      Logging__LogLevel__Default=Warning Throttling__VerifyPerAddress__Permits=1000000 Throttling__VerifyPerAddress__WindowSeconds=1
      ASPNETCORE_URLS="$base")
    (cd "$bin" && exec env ASPNETCORE_ENVIRONMENT=Development "${common[@]}" dotnet ServicePromise.Web.dll >"$work/seed.log" 2>&1) &
    seed=$!
    for _ in $(seq 1 240); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
    kill $seed; wait $seed 2>/dev/null || true
    (cd "$bin" && exec env ASPNETCORE_ENVIRONMENT=Production "${common[@]}" dotnet ServicePromise.Web.dll >"$work/site.log" 2>&1) &
    site=$!
    trap 'kill $site 2>/dev/null || true' EXIT
    for _ in $(seq 1 240); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
    sign_in() { # email → cookie header value
      local jar="$work/jar-$1" token
      token=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | token_of)
      curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
        --data-urlencode "Input.Login=$1" --data-urlencode "Input.Password=Promesa-2026" "$base/account/login"
      awk '$6 ~ /^sp\.auth/ { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar"
    }
    # Lucía Romero: hired three days ago, nothing started (the new hire). Manuel Ortiz: completed, with a certificate.
    newhire=$(sign_in lucia.romero@demo.mercadosolivo.es)
    holder=$(sign_in manuel.ortiz@demo.mercadosolivo.es)
    [ -n "$newhire" ] && [ -n "$holder" ] || { echo "Could not sign the demo people in" >&2; exit 1; }
    lesson=/pillars/$(sed -n 's/^key: *//p' "$root/content/es/pillars/01-"*.md | head -n 1)
    read -r cert code < <(sqlite3 -separator ' ' "$db" "select c.Id, c.Code from Certificates c join Employees e on e.Id = c.EmployeeId join AspNetUsers u on u.Id = e.UserId where u.Email = 'manuel.ortiz@demo.mercadosolivo.es' and c.ReplacedAt is null limit 1")
    static=$(curl -fs "$base/account/login" | grep -o '/css/site\.css[^"]*' | head -n 1)
    [ "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' "$base$static")" = "200 text/css" ] \
      || { echo "$static is not served as a stylesheet; the ratios would mean nothing" >&2; exit 1; }
    names=(lesson home verify); declare -A url=([lesson]=$lesson [home]=/ [verify]=/verify/$code) who=([lesson]=$newhire [home]=$newhire [verify]=)
    for n in "${names[@]}"; do
      status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${who[$n]}" "$base${url[$n]}")
      [ "$status" = 200 ] || { echo "${url[$n]} answered $status" >&2; exit 1; }
      wrk -t2 -c"$conns" -d"${WARMUP:-10}s" -H "Cookie: ${who[$n]}" "$base${url[$n]}" >/dev/null   # warm-up: the JIT's second tier
    done
    wrk -t2 -c"$conns" -d3s "$base$static" >/dev/null
    rps() { wrk -t2 -c"$conns" -d"${seconds}s" ${2:+-H "Cookie: $2"} "$base$1" | awk '/Requests\/sec/ { print $2 }'; }
    echo "== wrk -t2 -c$conns -d${seconds}s; static $static; $rounds rounds, each page right after the stylesheet =="
    declare -A ratios
    for r in $(seq 1 "$rounds"); do
      for n in "${names[@]}"; do
        s=$(rps "$static"); p=$(rps "${url[$n]}" "${who[$n]}")
        ratio=$(awk -v p="$p" -v s="$s" 'BEGIN { printf "%.3f", p / s }')
        ratios[$n]+="$ratio "
        printf 'round %s %-7s %-40s %9s req/s   static %9s req/s   ratio %s\n' "$r" "$n" "${url[$n]}" "$p" "$s" "$ratio"
      done
    done
    for n in "${names[@]}"; do
      printf '%-7s median ratio %s\n' "$n" "$(tr ' ' '\n' <<<"${ratios[$n]}" | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
    done
    pdf="/certificates/$cert/pdf"
    curl -fs -o /dev/null -H "Cookie: $holder" "$base$pdf"
    times=()
    for _ in $(seq 1 "$repeat"); do times+=("$(curl -fs -o /dev/null -H "Cookie: $holder" -w '%{time_total}' "$base$pdf")"); done
    printf '%s\n' "${times[@]}" | sort -n | awk -v url="$pdf" '{ t[NR] = $1 * 1000 } END { printf "%s: median %.1f ms (min %.1f, max %.1f), n=%d\n", url, t[int((NR + 1) / 2)], t[1], t[NR], NR }'
    rm -rf "$work"
    ;;
  measurement)
    # Medición at scale, on a database made by `prepare` (generate-org writes 24 months of audits per site). Publishes
    # (wwwroot, as deployed), runs the site in Production on DB_FILE, signs in as the bench HR account and as a
    # generated employee of a site with shared results (given the bench password: generated people have none). Then
    # ROUNDS (5) rounds; in each, for each page, wrk on the stylesheet then wrk on the page (SECONDS_EACH s, CONNS
    # connections, 2 threads, --latency), printing req/s, wrk's median latency and the ratio to the stylesheet; and
    # REPEAT sequential curl requests per page, whose median is held against the target (HR 300 ms, home 150 ms).
    # A page that is not built yet (404) is reported and skipped, so the script runs on every branch.
    db=$2
    rounds=${ROUNDS:-5}; seconds=${SECONDS_EACH:-5}; conns=${CONNS:-16}
    work=$(mktemp -d /tmp/sp-measure-XXXX)
    dotnet publish "$root/src/ServicePromise.Web" -c Release -o "$work/publish" -v quiet -nologo >/dev/null
    person=$(sqlite3 "$db" "select u.Email from Employees e join AspNetUsers u on u.Id = e.UserId
      where e.IsActive and e.JobTitle <> 'Encargado/a' and e.SiteId in (select SiteId from AuditResults where SharedComment is not null)
      order by e.Id limit 1")
    [ -n "$person" ] || { echo "No employee of a site with shared audit results in $db: was it made by prepare on this branch?" >&2; exit 1; }
    port_free
    site_env "$db"
    (cd "$work/publish" && ASPNETCORE_URLS="$base" exec dotnet ServicePromise.Web.dll) >"$work/site.log" 2>&1 &
    site=$!
    trap 'kill $site 2>/dev/null || true; rm -rf "$work"' EXIT
    for _ in $(seq 1 240); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
    bench_sign_in "$work/hr" "$email"
    # The generated employee signs in with the bench account's password hash (any Identity hash verifies for any user).
    sqlite3 "$db" "update AspNetUsers set PasswordHash = (select PasswordHash from AspNetUsers where Email = '$email'), EmailConfirmed = 1 where Email = '$person'"
    bench_sign_in "$work/employee" "$person"
    static=$(curl -fs "$base/account/login" | grep -o '/css/site\.css[^"]*' | head -n 1)
    [ "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' "$base$static")" = "200 text/css" ] \
      || { echo "$static is not served as a stylesheet; the ratios would mean nothing" >&2; exit 1; }
    declare -A url=([measurement]=/hr/measurement [home]=/) who=([measurement]=$(cookie_of "$work/hr") [home]=$(cookie_of "$work/employee")) \
      target=([measurement]=300 [home]=150)
    names=()
    for n in measurement home; do
      status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${who[$n]}" "$base${url[$n]}")
      if [ "$status" != 200 ]; then echo "${url[$n]} answered $status: not measured"; continue; fi
      names+=("$n")
      wrk -t2 -c"$conns" -d"${WARMUP:-10}s" -H "Cookie: ${who[$n]}" "$base${url[$n]}" >/dev/null   # warm-up: the JIT's second tier
    done
    [ ${#names[@]} -gt 0 ] || { echo "Nothing to measure" >&2; exit 1; }
    echo "employee: $person; $(sqlite3 "$db" "select count(*) || ' people, ' || (select count(*) from Sites) || ' sites, ' || (select count(*) from AuditResults) || ' audit results, ' || (select count(*) from Findings) || ' findings' from Employees")"
    wrk -t2 -c"$conns" -d3s "$base$static" >/dev/null
    echo "== wrk -t2 -c$conns -d${seconds}s --latency; static $static; $rounds rounds, each page right after the stylesheet =="
    for r in $(seq 1 "$rounds"); do
      for n in "${names[@]}"; do
        s=$(wrk -t2 -c"$conns" -d"${seconds}s" "$base$static" | awk '/Requests\/sec/ { print $2 }')
        out=$(wrk -t2 -c"$conns" -d"${seconds}s" --latency -H "Cookie: ${who[$n]}" "$base${url[$n]}")
        p=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
        printf 'round %s %-12s %-16s %9s req/s  wrk median %-9s static %9s req/s  ratio %s\n' "$r" "$n" "${url[$n]}" "$p" \
          "$(awk '$1 == "50%" { print $2 }' <<<"$out")" "$s" "$(awk -v p="$p" -v s="$s" 'BEGIN { printf "%.3f", p / s }')"
      done
    done
    echo "== $repeat sequential requests each (curl time_total), after the rounds =="
    for n in "${names[@]}"; do
      read -r median min max < <(sequential_ms "${url[$n]}" "${who[$n]}")
      verdict=$(awk -v m="$median" -v t="${target[$n]}" 'BEGIN { print (m <= t ? "met" : "NOT met") }')
      printf '%-12s %-16s median %7s ms (min %s, max %s)  target %s ms: %s\n' "$n" "${url[$n]}" "$median" "$min" "$max" "${target[$n]}" "$verdict"
    done
    ;;
  practice)
    db=$2; people=${3:-100000}
    [ -n "${BIN:-}" ] || dotnet build "$root/src/ServicePromise.Web" -c Release -v quiet -nologo >/dev/null
    site_env "$db"
    if [ ! -f "$db" ]; then
      (cd "$bin" && /usr/bin/time -v dotnet ServicePromise.Web.dll generate-org --employees "$people")
      (cd "$bin" && /usr/bin/time -v dotnet ServicePromise.Web.dll generate-practice --per-week 2)
    fi
    echo "load: $(cat /proc/loadavg)"
    (cd "$bin" && /usr/bin/time -v dotnet ServicePromise.Web.dll make-weekly-questions) 2>&1 | grep -E 'Made|Elapsed|Maximum resident'
    [ -n "$(sqlite3 "$db" "select 1 from AspNetUsers where Email = '$email'")" ] \
      || (cd "$bin" && dotnet ServicePromise.Web.dll create-admin --email "$email" --name "Bench HR") | tee /tmp/sp-bench-admin.txt
    # A certified employee with answers, and the manager of a team with answers: given the bench password (see measurement).
    person=$(sqlite3 "$db" "select u.Email from Employees e join AspNetUsers u on u.Id = e.UserId where e.IsActive and e.ManagerId is not null
      and e.JobTitle <> 'Encargado/a' and exists (select 1 from PracticeAnswers a where a.EmployeeId = e.Id) order by e.Id limit 1")
    boss=$(sqlite3 "$db" "select u.Email from Employees e join AspNetUsers u on u.Id = e.UserId where e.Id = (select ManagerId from Employees w join AspNetUsers x on x.Id = w.UserId where x.Email = '$person')")
    read -r pillar department site_id < <(sqlite3 -separator ' ' "$db" "select a.PillarKey, e.DepartmentId, e.SiteId from PracticeAnswers a join Employees e on e.Id = a.EmployeeId order by a.Id limit 1")
    port_free
    (cd "$bin" && ASPNETCORE_URLS="$base" exec dotnet ServicePromise.Web.dll) >/tmp/sp-bench-site.log 2>&1 &
    site=$!
    trap 'kill $site 2>/dev/null || true' EXIT
    for _ in $(seq 1 240); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
    work=$(mktemp -d /tmp/sp-practice-XXXX)
    bench_sign_in "$work/hr" "$email"
    sqlite3 "$db" "update AspNetUsers set PasswordHash = (select PasswordHash from AspNetUsers where Email = '$email'), EmailConfirmed = 1 where Email in ('$person', '$boss')"
    bench_sign_in "$work/employee" "$person"
    bench_sign_in "$work/manager" "$boss"
    echo "employee $person, manager $boss; $(sqlite3 "$db" "select (select count(*) from Employees) || ' people, ' || count(*) || ' weekly questions, ' || sum(AnsweredAt is not null) || ' answered' from PracticeAnswers")"
    echo "load: $(cat /proc/loadavg)"
    while read -r who target url; do
      status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $(cookie_of "$work/$who")" "$base$url")
      if [ "$status" != 200 ]; then echo "$url answered $status: not measured"; continue; fi
      read -r median min max < <(sequential_ms "$url" "$(cookie_of "$work/$who")")
      printf '%-9s %-34s median %8s ms (min %s, max %s)  target %s ms: %s\n' "$who" "$url" "$median" "$min" "$max" "$target" \
        "$(awk -v m="$median" -v t="$target" 'BEGIN { print (m <= t ? "met" : "NOT met") }')"
    done <<EOF2
employee 150 /
employee 150 /me/record
manager 150 /team
hr 300 /hr/knowledge
hr 300 /hr/knowledge?pillar=$pillar
hr 300 /hr/knowledge?department=$department
hr 300 /hr/knowledge?site=$site_id
EOF2
    echo "load: $(cat /proc/loadavg)"
    rm -rf "$work"
    ;;
  scheduler)
    db=$2; people=${3:-100000}
    [ -n "${BIN:-}" ] || dotnet build "$root/src/ServicePromise.Web" -c Release -v quiet -nologo >/dev/null
    site_env "$db"
    [ -f "$db" ] || (cd "$bin" && /usr/bin/time -v dotnet ServicePromise.Web.dll generate-org --employees "$people") 2>&1 | grep -E 'Elapsed|Maximum resident'
    # Everyone certified: a copy of an existing certificate for each active person without a current one (a bench
    # shortcut; the certificate's code is random, its assignment the person's current one).
    sqlite3 "$db" "insert into Certificates (Code, AssignmentId, EmployeeId, EditionId, HolderName, JobTitle, Company, EditionNumber,
        EditionPublishedAt, IssuedAt, Language, PillarTitles, ExpiresOn)
      select upper(hex(randomblob(10))), e.CurrentAssignmentId, e.Id, t.EditionId, e.FullName, e.JobTitle, t.Company, t.EditionNumber,
        t.EditionPublishedAt, t.IssuedAt, t.Language, t.PillarTitles, t.ExpiresOn
      from Employees e, (select * from Certificates where ReplacedAt is null and RevokedAt is null limit 1) t
      where e.IsActive and e.CurrentAssignmentId is not null
        and not exists (select 1 from Certificates c where c.EmployeeId = e.Id and c.ReplacedAt is null and c.RevokedAt is null)"
    echo "certified: $(sqlite3 "$db" "select count(distinct EmployeeId) from Certificates where ReplacedAt is null and RevokedAt is null")"
    # Three weeks on from today (Mondays): the first makes everyone's first questions, the next ones read the schedule rows.
    monday=$(date -d "$(date +%F) +$(( (8 - $(date +%u)) % 7 )) days" +%F)
    for w in 0 1 2; do
      day=$(date -d "$monday +$(( w * 7 )) days" +%F)
      echo "load: $(cat /proc/loadavg)"
      (cd "$bin" && /usr/bin/time -v dotnet ServicePromise.Web.dll make-weekly-questions --on "$day") 2>&1 | grep -E 'Made|Elapsed|Maximum resident|User time|System time'
    done
    ;;
  cold-start)
    # dotnet publish -c Release, then RUNS (5) times: a new empty SQLite file, start the published app (Production) and
    # poll /healthz every 10 ms; the time from the launch to the first 200 (migrations, roles, settings audit, the
    # first edition and onboarding included). Prints each run and the median.
    runs=${RUNS:-5}
    work=$(mktemp -d /tmp/sp-cold-XXXX)
    dotnet publish "$root/src/ServicePromise.Web" -c Release -o "$work/publish" -v quiet -nologo >/dev/null
    times=()
    port_free
    for r in $(seq 1 "$runs"); do
      rm -f "$work"/app.db*
      start=$(date +%s%N)
      (cd "$work/publish" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Default="Data Source=$work/app.db" \
        App__PublicBaseUrl="$base" Mail__PickupDirectory="$work/mail" Evidence__Path="$work/evidence" ./ServicePromise.Web >"$work/site-$r.log" 2>&1) &
      site=$!
      until curl -fs -o /dev/null "$base/healthz" 2>/dev/null; do
        kill -0 $site 2>/dev/null || { echo "the site stopped; see $work/site-$r.log" >&2; exit 1; }
        sleep 0.01
      done
      ms=$(( ($(date +%s%N) - start) / 1000000 ))
      times+=("$ms")
      echo "run $r: ${ms} ms to a healthy /healthz"
      kill $site; wait $site 2>/dev/null || true
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "cold start: median %d ms (min %d, max %d), n=%d\n", a[int((NR + 1) / 2)], a[1], a[NR], NR }'
    rm -rf "$work"
    ;;
  *)
    sed -n '2,18p' "$0"; exit 2 ;;
esac
