package com.golisto.sync.app.cli;

import java.util.Locale;

/** Recognises the failure of opening an embedded HSQLDB file database that another process holds. */
final class StateStoreLock {
    private StateStoreLock() {
    }

    /** Whether this failure, or one of its causes, is HSQLDB's lock-file refusal. */
    static boolean isLocked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("lock acquisition failure") || lower.contains("lockfile")) {
                    return true;
                }
            }
        }
        return false;
    }
}
