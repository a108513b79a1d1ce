import org.jspecify.annotations.NullMarked;

/**
 * End-to-end and JMH benchmarks of Golisto Sync, run against the sandbox emulators on loopback.
 */
@NullMarked
module com.golisto.sync.benchmarks {
    // JSpecify's annotations only; nothing of it is needed at run time
    requires static org.jspecify;
    requires java.management;
    // com.sun.management: the GC notifications that give the live heap after each collection
    requires jdk.management;
    requires java.net.http;
    requires com.golisto.sync.core;
    requires com.golisto.sync.sandbox;
    requires com.fasterxml.jackson.databind;
    requires org.eclipse.jetty.server;
    requires jmh.core;
    requires org.slf4j;

    // the emulator host's protocol maps the benchmark's records to and from JSON
    opens com.golisto.sync.benchmarks to com.fasterxml.jackson.databind;
    // JMH's runner instantiates the benchmarks and its generated harness reflectively (java -p ... -m jmh.core)
    opens com.golisto.sync.benchmarks.jmh to jmh.core;
    opens com.golisto.sync.benchmarks.jmh.jmh_generated to jmh.core;

    uses com.golisto.sync.api.spi.ConnectorProvider;
}
