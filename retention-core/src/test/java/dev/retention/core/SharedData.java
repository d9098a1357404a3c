package dev.retention.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's shared real data sets ({@code ../shared/data} beside the project root;
 * Surefire passes the folder as system property {@code retention.shared.data}).
 */
public final class SharedData {
    private SharedData() {}

    public static Path file(String relative) {
        String configured = System.getProperty("retention.shared.data");
        Path base = configured != null ? Path.of(configured) : Path.of("../shared/data");
        Path file = base.resolve(relative).normalize();
        if (!Files.isRegularFile(file) && configured == null) {
            file = Path.of("../../shared/data").resolve(relative).normalize();
        }
        assertThat(file).as("shared data file (set -Dretention.shared.data)").isRegularFile();
        return file;
    }
}
