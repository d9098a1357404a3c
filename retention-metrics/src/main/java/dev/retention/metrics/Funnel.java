package dev.retention.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Funnel: conversion between ordered stages from event counts (e.g. 1000 visitors, 80 interested,
 * ..., 5 paid, 2 bought again).
 *
 * <p>Each stage is a subset of the one before, so a stage may not count more than its predecessor.
 * Conversions are empty where their denominator is zero.
 *
 * @param stages the stages in funnel order, at least one
 */
public record Funnel(List<Stage> stages) {

    /**
     * Checks the stages; {@link #builder()} reads better for a funnel written out in code.
     *
     * @param stages the stages in funnel order (copied)
     * @throws IllegalArgumentException if there is no stage, a name repeats or a stage counts more
     *     than the one before it
     */
    public Funnel {
        stages = List.copyOf(requireNonNull(stages, "stages"));
        checkArgument(!stages.isEmpty(), "a funnel needs at least one stage");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            checkArgument(names.add(stage.name()), "stage names must be distinct, '%s' repeats", stage.name());
            if (i > 0) {
                Stage previous = stages.get(i - 1);
                checkArgument(stage.count() <= previous.count(),
                        "stage '%s' counts %s, more than the stage before it, '%s' (%s)", stage.name(),
                        stage.count(), previous.name(), previous.count());
            }
        }
    }

    /**
     * One stage and how many reached it.
     *
     * @param name what the stage is, e.g. {@code "paid"}
     * @param count how many reached it, not negative
     */
    public record Stage(String name, long count) {
        /**
         * Checks the stage.
         *
         * @param name what the stage is, not blank
         * @param count how many reached it, not negative
         * @throws IllegalArgumentException if the name is null or blank or the count is negative
         */
        public Stage {
            checkArgument(name != null && !name.isBlank(), "stage name must not be blank, got %s",
                    name == null ? "null" : "'" + name + "'");
            checkArgument(count >= 0, "count of stage '%s' must not be negative, got %s", name, count);
        }
    }

    /**
     * One step's conversions.
     *
     * @param stage the stage reached
     * @param fromPrevious its count / the previous stage's count (empty for the first stage)
     * @param fromFirst its count / the first stage's count
     */
    public record Step(Stage stage, OptionalDouble fromPrevious, OptionalDouble fromFirst) {
        /**
         * Holds one step's figures as given; {@link Funnel#steps()} computes them.
         *
         * @param stage the stage reached
         * @param fromPrevious its count / the previous stage's count
         * @param fromFirst its count / the first stage's count
         */
        public Step {
            requireNonNull(stage, "stage");
            requireNonNull(fromPrevious, "fromPrevious");
            requireNonNull(fromFirst, "fromFirst");
        }
    }

    /**
     * Starts a funnel: {@code Funnel.builder().stage("visitors", 1000).stage("paid", 5).build()}.
     *
     * @return a new builder without stages
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The stages with their conversion from the stage before and from the first stage. For 1000
     * visitors, 80 interested and 5 paid, "paid" converts 0.0625 from the previous stage and 0.005
     * from the first.
     *
     * @return one step per stage in funnel order, an immutable list; a conversion is empty where its
     *     denominator is zero, and {@code fromPrevious} is always empty for the first stage
     */
    public List<Step> steps() {
        List<Step> out = new ArrayList<>(stages.size());
        long first = stages.get(0).count();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            OptionalDouble fromPrevious = i == 0 ? OptionalDouble.empty() : ratio(stage.count(), stages.get(i - 1).count());
            out.add(new Step(stage, fromPrevious, ratio(stage.count(), first)));
        }
        return List.copyOf(out);
    }

    /**
     * The conversion of the whole funnel.
     *
     * @return last stage / first stage, between 0 and 1 (1 for a funnel of one stage with a positive
     *     count); empty when the first stage counts zero
     */
    public OptionalDouble overallConversion() {
        return ratio(stages.get(stages.size() - 1).count(), stages.get(0).count());
    }

    private static OptionalDouble ratio(long numerator, long denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }

    /** Collects stages in order. Not thread-safe. */
    public static final class Builder {
        private final List<Stage> stages = new ArrayList<>();

        private Builder() {}

        /**
         * Adds the next stage, after those added before.
         *
         * @param name what the stage is, e.g. {@code "paid"}; not blank, distinct from the other stages
         * @param count how many reached it, not negative and at most the previous stage's count
         * @return this builder
         * @throws IllegalArgumentException at once if the name is blank or the count negative; a
         *     repeated name or a growing count is refused by {@link #build()}
         */
        public Builder stage(String name, long count) {
            stages.add(new Stage(name, count));
            return this;
        }

        /**
         * Makes the funnel of the stages added so far; the builder stays usable.
         *
         * @return the funnel
         * @throws IllegalArgumentException if there is no stage, a name repeats or a count grows
         */
        public Funnel build() {
            return new Funnel(stages);
        }
    }
}
