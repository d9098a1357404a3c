package dev.retention.rules.segment;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A user-written condition with its own JSON codec, as a shop would write one. */
record VipCondition(String level) implements UserCondition {

    VipCondition {
        if (level == null || level.isBlank()) {
            throw new IllegalArgumentException("level must not be blank");
        }
    }

    @Override
    public boolean matches(EvaluationContext context) {
        return context.profile().attribute("vip").filter(level::equals).isPresent();
    }

    @Override
    public String describe() {
        return "vip level " + level;
    }

    static final UserConditionCodec<VipCondition> CODEC = new UserConditionCodec<>() {
        @Override
        public String type() {
            return "vip";
        }

        @Override
        public Class<VipCondition> conditionClass() {
            return VipCondition.class;
        }

        @Override
        public void write(VipCondition condition, ObjectNode json) {
            json.put("level", condition.level());
        }

        @Override
        public VipCondition read(ObjectNode json) {
            return new VipCondition(json.path("level").asText(""));
        }
    };
}
