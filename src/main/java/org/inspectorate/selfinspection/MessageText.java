package org.inspectorate.selfinspection;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Message text in the current request's language, for names the pages compose (templates: {@code @selfInspectionText}). */
@Component("selfInspectionText")
class MessageText implements SummaryReport.Text {

    private final MessageSource messages;

    MessageText(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public String get(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
