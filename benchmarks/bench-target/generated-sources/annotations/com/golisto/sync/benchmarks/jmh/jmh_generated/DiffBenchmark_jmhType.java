package com.golisto.sync.benchmarks.jmh.jmh_generated;
public class DiffBenchmark_jmhType extends DiffBenchmark_jmhType_B3 {
}

