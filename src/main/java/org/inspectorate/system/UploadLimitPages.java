package org.inspectorate.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The 413 page of a file upload over the size limit (the limit in MB, in the user's language; nothing was saved), and
 * the 400 page of an upload whose body does not parse.
 */
@Controller
class UploadLimitPages {

    static final String PATH = "/upload-too-large";
    static final String UNREADABLE_PATH = "/upload-unreadable";

    private final long limitMegabytes;

    UploadLimitPages(@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize limit) {
        this.limitMegabytes = limit.toMegabytes();
    }

    @GetMapping(PATH)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    String tooLarge(Model model) {
        model.addAttribute("limitMegabytes", limitMegabytes);
        return "error/413";
    }

    /** A multipart body that does not parse: the generic error page, 400. */
    @GetMapping(UNREADABLE_PATH)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String unreadable() {
        return "error";
    }
}
