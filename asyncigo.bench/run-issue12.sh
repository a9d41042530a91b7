#!/bin/sh
# Issue 12's targets beside their peers, from one run: asyncigo.bench.Issue12Report on the built
# benchmarks.jar (it builds nothing; the C load client is compiled once if missing).
#
#   ./mvnw -q -DskipTests -pl asyncigo.bench,asyncigo.examples -am package
#   asyncigo.bench/run-issue12.sh [--engines virtual,carrier,continuation] [--jmh "-f 1 -wi 3 -i 5 -w 1 -r 1"] ...
#
# Options (and defaults) are Issue12Report's: --engines, --public-engine, --parts, --jmh,
# --footprint-tasks, --footprint-heap, --examples-jar, --client, --echo-rows, --echo-seconds,
# --echo-warmup, --echo-repeat, --echo-engine. JAVA names the java binary (default: JAVA_HOME's,
# else the newest JDK 21+ in /usr/lib/jvm); ECHO_LOAD the client binary (default /tmp/echo_load).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/asyncigo.bench/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  echo "no $jar: build it first with ./mvnw -q -DskipTests -pl asyncigo.bench,asyncigo.examples -am package" >&2
  exit 2
fi

feature() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
java=${JAVA:-}
if [ -z "$java" ] && [ -n "${JAVA_HOME:-}" ] && [ "$(feature "$JAVA_HOME/bin/java")" -ge 21 ]; then
  java="$JAVA_HOME/bin/java"
fi
if [ -z "$java" ]; then
  best=0
  for candidate in /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    version=$(feature "$candidate")
    if [ "${version:-0}" -ge 21 ] && [ "$version" -gt "$best" ]; then best=$version; java=$candidate; fi
  done
fi
if [ -z "$java" ]; then
  echo "no JDK 21+ found: set JAVA or JAVA_HOME" >&2
  exit 2
fi

client=${ECHO_LOAD:-/tmp/echo_load}
if [ ! -x "$client" ]; then
  gcc -O2 -o "$client" "$root/../shared/bench/echo_load.c"
fi

cd "$root"
exec "$java" --add-opens java.base/java.lang=ALL-UNNAMED \
  --add-exports java.base/jdk.internal.vm=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
  -cp "$jar" asyncigo.bench.Issue12Report --client "$client" "$@"
