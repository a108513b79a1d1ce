package com.golisto.sync.benchmarks.jmh.jmh_generated;
public class FingerprintBenchmark_jmhType extends FingerprintBenchmark_jmhType_B3 {
}

