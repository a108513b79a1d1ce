/**
 * End-to-end and JMH benchmarks of Golisto Sync, run against the sandbox emulators on loopback.
 */
module com.golisto.sync.benchmarks {
    requires com.golisto.sync.core;
    requires com.golisto.sync.sandbox;
    requires jmh.core;
    requires org.slf4j;
}
