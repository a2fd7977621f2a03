package dev.panorama.queryapi.application.port.in;

import dev.panorama.queryapi.application.admin.DeadLetterSummary;
import dev.panorama.queryapi.application.admin.RedriveOutcome;
import dev.panorama.queryapi.application.admin.RedriveRequest;

/** What waits in the dead-letter topic, and replaying it onto the topics the letters came from (admins). */
public interface AdministerDeadLettersUseCase {

    DeadLetterSummary waiting();

    RedriveOutcome redrive(RedriveRequest request);
}
