package org.inspectorate.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The 413 page of a file upload over the size limit: the limit in MB, in the user's language; nothing was saved. */
@Controller
class UploadLimitPage {

    static final String PATH = "/upload-too-large";

    private final long limitMegabytes;

    UploadLimitPage(@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize limit) {
        this.limitMegabytes = limit.toMegabytes();
    }

    @GetMapping(PATH)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    String tooLarge(Model model) {
        model.addAttribute("limitMegabytes", limitMegabytes);
        return "error/413";
    }
}
