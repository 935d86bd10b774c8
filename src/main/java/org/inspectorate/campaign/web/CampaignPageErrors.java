package org.inspectorate.campaign.web;

import org.inspectorate.system.ConflictException;
import org.inspectorate.system.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The campaign pages answer 404 for what does not exist or may not be seen, 409 for a lost race. */
@ControllerAdvice(assignableTypes = CampaignController.class)
class CampaignPageErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict() {
        return "error";
    }
}
