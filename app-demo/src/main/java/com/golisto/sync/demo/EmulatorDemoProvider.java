package com.golisto.sync.demo;

import com.golisto.sync.app.demo.Demo;
import com.golisto.sync.app.demo.DemoOptions;
import com.golisto.sync.app.demo.DemoProvider;
import java.io.PrintWriter;

/** The {@link DemoProvider} the runner's {@code demo} command finds when this module is on the module path. */
public final class EmulatorDemoProvider implements DemoProvider {
    /** Called by {@link java.util.ServiceLoader}. */
    public EmulatorDemoProvider() {
    }

    @Override
    public Demo start(DemoOptions options, PrintWriter out) {
        return EmulatorDemo.start(options, out);
    }
}
