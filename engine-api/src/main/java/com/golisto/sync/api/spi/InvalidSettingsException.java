package com.golisto.sync.api.spi;

import java.util.List;
import java.util.stream.Collectors;

/** Settings were refused; {@link #problems()} lists every problem at once, one per setting. */
public class InvalidSettingsException extends SyncException {

    private static final long serialVersionUID = 1L;

    private final transient List<SettingProblem> problems;

    /**
     * @param subject what was being configured, e.g. {@code "connector woocommerce"}
     * @param problems at least one problem
     */
    public InvalidSettingsException(String subject, List<SettingProblem> problems) {
        super(ErrorCategory.USER, subject + " has invalid settings: "
                + problems.stream().map(SettingProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems given");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found. */
    public List<SettingProblem> problems() {
        return problems;
    }
}
