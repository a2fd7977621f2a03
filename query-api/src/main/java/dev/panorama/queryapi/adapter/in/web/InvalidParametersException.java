package dev.panorama.queryapi.adapter.in.web;

import java.util.List;

/** One or more request parameters were missing, malformed, out of range or unknown. */
class InvalidParametersException extends RuntimeException {

    /** One parameter's problem; {@code in} is {@code query}, {@code path} or {@code header}. */
    record ParameterError(String parameter, String in, String message) {
    }

    private final transient List<ParameterError> errors;

    InvalidParametersException(List<ParameterError> errors) {
        super(errors.size() + " invalid parameter(s)");
        this.errors = List.copyOf(errors);
    }

    List<ParameterError> errors() {
        return errors;
    }
}
