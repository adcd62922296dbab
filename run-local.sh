#!/usr/bin/env bash
# Builds everything, then runs the whole pipeline on this machine until Ctrl-C.
# Options: ./run-local.sh --help
set -euo pipefail
cd "$(dirname "$0")"

for arg in "$@"; do
  if [ "$arg" = "--help" ] || [ "$arg" = "-h" ]; then skip_build=1; fi
done
if [ -z "${skip_build:-}" ] && [ -z "${STOCK_SKIP_BUILD:-}" ]; then
  echo "Building (./mvnw -B -q install -DskipTests -pl local -am) ..."
  ./mvnw -B -q install -DskipTests -pl local -am
elif [ ! -f local/target/runner.classpath ]; then
  ./mvnw -B -q install -DskipTests -pl local -am
fi

add_opens=$(sed -n 's:.*<spark.add-opens>\(.*\)</spark.add-opens>.*:\1:p' pom.xml)
exec java $add_opens -Xmx4g -Djava.net.preferIPv4Stack=true \
  -cp "local/target/classes:$(cat local/target/runner.classpath)" \
  dev.stockstream.local.LocalPipeline "$@"
