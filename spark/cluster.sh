#!/usr/bin/env bash
# spark/cluster.sh — a Spark standalone cluster on this machine, from the Spark jars Maven resolved for the spark
# module (no Spark download): a master and one worker on 127.0.0.1, and spark-submit (SparkSubmit) of the sweep.
#
#   spark/cluster.sh start [CORES]   start a master and a worker with CORES cores (default: all), print the master URL
#   spark/cluster.sh submit ARGS…    run `segmentlab sweep ARGS…` on it: SparkSubmit --master spark://127.0.0.1:PORT
#                                    --class org.segmentlab.spark.SparkSweep spark/target/segmentlab-spark.jar ARGS…
#   spark/cluster.sh stop            stop the worker and the master this script started
#   spark/cluster.sh url             print the running master's URL
#
# Needs the spark module built: mvn -B -pl spark -am package -DskipTests. The state (pids, logs, the worker's folder,
# a SPARK_HOME whose jars/ are links to the Maven-resolved jars) is in spark/target/cluster/. The master listens on a
# free port (SEGMENTLAB_SPARK_PORT to choose one); web UIs are off.
set -euo pipefail

here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/target"
state="$target/cluster"
jar="$target/segmentlab-spark.jar"
cpfile="$target/spark-classpath.txt"
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_SCALA_VERSION=2.13
export SPARK_HOME="$state/spark-home"

die() { echo "spark/cluster.sh: $*" >&2; exit 2; }

need_build() {
  [ -f "$jar" ] && [ -f "$cpfile" ] || die "the spark module is not built ($jar): build it with  mvn -B -pl spark -am package -DskipTests"
}

# A SPARK_HOME the worker can launch executors from: Spark looks for its jars in \$SPARK_HOME/jars.
spark_home() {
  rm -rf "$SPARK_HOME"
  mkdir -p "$SPARK_HOME/jars"
  tr ':' '\n' < "$cpfile" | while read -r j; do [ -n "$j" ] && ln -s "$j" "$SPARK_HOME/jars/"; done
}

# Waits (up to $3 seconds, while process $4 lives) until file $1 holds a line matching $2; prints that line.
wait_for() {
  local deadline=$((SECONDS + $3))
  while [ "$SECONDS" -lt "$deadline" ] && kill -0 "$4" 2>/dev/null; do
    if grep -m1 -E "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "spark/cluster.sh: '$2' did not appear in $1:" >&2
  tail -20 "$1" >&2
  return 1
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  need_build
  if alive "$state/master.pid"; then die "a cluster is already running ($(cat "$state/master.url")); stop it first"; fi
  local cores="${1:-$(nproc)}"
  mkdir -p "$state"
  spark_home
  nohup java -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "${SEGMENTLAB_SPARK_PORT:-0}" --webui-port 0 >"$state/master.log" 2>&1 &
  echo $! >"$state/master.pid"
  local url
  url="$(wait_for "$state/master.log" 'Starting Spark master at spark://' 240 "$(cat "$state/master.pid")" | sed -E 's/.*(spark:\/\/[^ ]+).*/\1/')"
  echo "$url" >"$state/master.url"
  mkdir -p "$state/work"
  nohup java -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores "$cores" --memory 3g --work-dir "$state/work" --webui-port 0 "$url" >"$state/worker.log" 2>&1 &
  echo $! >"$state/worker.pid"
  wait_for "$state/worker.log" 'Successfully registered with master' 240 "$(cat "$state/worker.pid")" >/dev/null
  echo "$url"
}

submit() {
  need_build
  alive "$state/master.pid" || die "no cluster is running: spark/cluster.sh start"
  java -Xmx2g -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit \
    --master "$(cat "$state/master.url")" --deploy-mode client \
    --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --executor-memory 1g \
    --class org.segmentlab.spark.SparkSweep "$jar" "$@"
}

stop_one() {
  local pidfile="$state/$1.pid"
  if alive "$pidfile"; then
    local pid
    pid="$(cat "$pidfile")"
    kill "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  submit) shift; submit "$@" ;;
  stop) stop_one worker; stop_one master; echo "stopped" ;;
  url) cat "$state/master.url" ;;
  *) die "usage: spark/cluster.sh start [CORES] | submit SWEEP-ARGS… | stop | url" ;;
esac
