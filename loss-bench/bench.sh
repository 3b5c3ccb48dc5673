#!/usr/bin/env bash
# Runs every benchmark of loss-bench at 1 and 2 compute threads and prints the table of
# README.md. Usage: loss-bench/bench.sh RUN_DIR [JMH options]
# With target/peers/ built (mvn -pl loss-bench -Ppeers package) it also runs TF Java, ND4J and
# DJL; otherwise loss4j and the scalar baseline only, from target/benchmarks.jar.
set -euo pipefail
cd "$(dirname "$0")"
out=${1:?"usage: bench.sh RUN_DIR [JMH options]"}
shift
jmh_options=("$@")
if [ ${#jmh_options[@]} -eq 0 ]; then
  jmh_options=(-f 1 -wi 3 -i 5 -w 300ms -r 500ms)
fi
mkdir -p "$out"

# Snapshot the loss4j jars (and the shaded jar) into RUN_DIR/lib, so that one run measures one
# version of the library even while other modules are being re-installed into ~/.m2.
mkdir -p "$out/lib"
snapshot() { # snapshot JAR: copies a complete jar, waiting out an install in progress
  local jar=$1 target="$out/lib/$(basename "$1")"
  for attempt in 1 2 3 4 5 6; do
    cp -p "$jar" "$target"
    if unzip -tq "$target" > /dev/null 2>&1; then
      echo "$target"
      return
    fi
    sleep 10
  done
  echo "bench.sh: $jar stays unreadable" >&2
  exit 1
}
if [ -f target/peers/classpath.txt ]; then
  cp="target/peers/classes"
  for jar in $(tr ':' '\n' < target/peers/classpath.txt); do
    case "$jar" in
      */org/loss4j/*) cp="$cp:$(snapshot "$jar")" ;;
      *) cp="$cp:$jar" ;;
    esac
  done
  peers=true
else
  cp=$(snapshot target/benchmarks.jar)
  peers=false
fi
{
  date -u +"%Y-%m-%d %H:%M:%S UTC"
  git -C .. log -1 --format="HEAD %h %s"
  ls -l --time-style=+%H:%M:%S "$out/lib"
} > "$out/versions.txt"

jmh() { # jmh RESULT_FILE THREADS CLASSPATH REGEX [MORE JVM OPTIONS]
  local file=$1 threads=$2 classpath=$3 regex=$4 more=${5:-}
  local jvm="-Dbench.threads=$threads"
  jvm="$jvm -Djava.util.concurrent.ForkJoinPool.common.parallelism=$threads"
  jvm="$jvm $more"
  jvm="$jvm -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=$threads"
  jvm="$jvm -Dai.djl.pytorch.num_interop_threads=$threads"
  echo "$(date -u +%H:%M:%S) $file" >&2
  OMP_NUM_THREADS=$threads java -cp "$classpath" org.openjdk.jmh.Main "$regex" \
      -bm sample -tu us "${jmh_options[@]}" -jvmArgsAppend "$jvm" \
      -rf csv -rff "$out/$file" > "$out/${file%.csv}.log" 2>&1 \
      || echo "bench.sh: $file failed, see $out/${file%.csv}.log" >&2
}

# loss4j takes its vector path only with the incubator module; loss4j-scalar-t2 runs without.
vector="--add-modules jdk.incubator.vector"
for threads in 1 2; do
  if [ "$threads" = 1 ]; then
    jmh "loss4j-t1.csv" 1 "$cp" '(Loss4jBenchmark|CtcBenchmark|ScalarBenchmark)\.' "$vector"
  else
    # The scalar baseline is one loop on one thread whatever the setting.
    jmh "loss4j-t$threads.csv" "$threads" "$cp" '(Loss4jBenchmark|CtcBenchmark)\.' "$vector"
    jmh "loss4j-scalar-t$threads.csv" "$threads" "$cp" '(Loss4jBenchmark|CtcBenchmark)\.'
  fi
  if [ "$peers" = true ]; then
    jmh "tf-t$threads.csv" "$threads" "$cp" 'TfPeerBenchmark\.'
    # ND4J 1.0.0-M2.1's natives need the JavaCPP they were built with (1.5.7), ahead of TF's.
    jmh "nd4j-t$threads.csv" "$threads" "target/peers/nd4j/javacpp-1.5.7.jar:$cp" \
        'Nd4jPeerBenchmark\.'
    jmh "djl-t$threads.csv" "$threads" "$cp" 'DjlPeerBenchmark\.'
  fi
done

java -cp "$cp" org.loss4j.bench.internal.RatioTable "$out"
