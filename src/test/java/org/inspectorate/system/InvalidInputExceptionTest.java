package org.inspectorate.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Locale;

import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class InvalidInputExceptionTest {

    @Test
    void eachFieldGetsItsMessagesJoinedAndAProblemWithTheWholeInputGoesUnderTheEmptyKey() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("x.required", Locale.ENGLISH, "Required.");
        messages.addMessage("x.tooLong", Locale.ENGLISH, "At most {0} characters.");
        messages.addMessage("x.inconsistent", Locale.ENGLISH, "Does not add up.");
        InvalidInputException e = new InvalidInputException(List.of(new FieldProblem("title", "x.required"),
                new FieldProblem("title", "x.tooLong", 200), new FieldProblem(null, "x.inconsistent"),
                new FieldProblem("plan", "x.unknownKey")));

        assertThat(e.messagesByField(messages, Locale.ENGLISH)).containsExactly(
                entry("title", "Required. At most 200 characters."),
                entry("", "Does not add up."),
                entry("plan", "x.unknownKey"));
    }
}
