package dev.retention.rules.loyalty;

/** The one-off bonuses a {@link PointsProgram} can pay; referrals have their own rule. */
public enum BonusKind {
    /** Joining the program: use the sign-up event's id. */
    SIGN_UP,
    /** Once a year: let the bonus event id carry the year, e.g. {@code "birthday-2025"}. */
    BIRTHDAY,
    /** Writing a product review: use the review event's id. */
    REVIEW
}
