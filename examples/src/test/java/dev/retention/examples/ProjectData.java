package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * Finds the real data sets the project carries in {@code data/} at its root (Surefire passes the
 * folder as system property {@code retention.data}; run from a module directory without it, the
 * folder is {@code ../data}).
 */
final class ProjectData {
    private ProjectData() {}

    /** The folder holding the project's data sets. */
    public static Path folder() {
        return Path.of(System.getProperty("retention.data", "../data"));
    }

    /** A file below {@link #folder()}, checked to exist. */
    public static Path file(String relative) {
        Path file = folder().resolve(relative).normalize();
        assertThat(file).as("project data file (set -Dretention.data)").isRegularFile();
        return file;
    }
}
