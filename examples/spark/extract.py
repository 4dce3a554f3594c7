#!/usr/bin/env python3
"""Run `quotecheck extract` over a JSONL corpus with PySpark.

The contract between quotecheck and a distributed engine is JSONL on standard input to JSONL
on standard output: each partition of the corpus (one {"id", "text"} or {"id", "html"} object
per line) is piped through one `quotecheck extract - --corpus --format jsonl` process, and the
quote records come back one JSON object per line, in input order.

Local mode (what the test runs):

    python3 examples/spark/extract.py corpus.jsonl --quotecheck target/release/quotecheck

On a cluster (see docs/SCALE.md):

    spark-submit --master yarn --files target/release/quotecheck \
        examples/spark/extract.py hdfs:///archive/2024/*.jsonl \
        --quotecheck ./quotecheck --output hdfs:///quotes/2024

Without --output the records are collected and printed on standard output (for small corpora
and tests); with it each partition is written as a part file by Spark.
"""

import argparse
import os
import shlex
import sys


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", help="JSONL corpus: a path or glob Spark can read (file://, hdfs://, s3a://)")
    p.add_argument("--quotecheck", default="quotecheck",
                   help="the quotecheck binary as the executors see it (default: on PATH)")
    p.add_argument("--output", help="directory for part files (default: print records on stdout)")
    p.add_argument("--partitions", type=int, default=None,
                   help="minimum number of partitions (default: Spark's choice)")
    p.add_argument("--master", default=None,
                   help="Spark master when not run by spark-submit (default: local[*])")
    p.add_argument("--threads", type=int, default=1,
                   help="threads per quotecheck process (default 1: Spark already runs one task per core)")
    p.add_argument("--extra", default="",
                   help="more quotecheck extract flags, e.g. \"--kinds direct --selector article\"")
    return p.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    # The workers must run the same Python as the driver in local mode.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("quotecheck-extract")
    if args.master or "SPARK_HOME" not in os.environ:
        builder = builder.master(args.master or "local[*]")
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    try:
        lines = sc.textFile(args.corpus, minPartitions=args.partitions)
        command = [args.quotecheck, "extract", "-", "--corpus", "--format", "jsonl",
                   "--threads", str(args.threads)]
        command += shlex.split(args.extra)
        # checkCode: a partition whose quotecheck exits non-zero (a bad line: exit 2) fails
        # its task instead of silently yielding fewer records.
        records = lines.pipe(shlex.join(command), checkCode=True)
        if args.output:
            records.saveAsTextFile(args.output)
        else:
            out = sys.stdout
            for record in records.collect():
                out.write(record)
                out.write("\n")
            out.flush()
    finally:
        spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
