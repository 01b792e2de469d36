package org.viche.quarantine;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * When a burst of responses to an OPEN survey is held back for review. The defaults are
 * generous on purpose: a family sharing a phone, or a mobile carrier's NAT, puts several
 * honest respondents behind one address, and a survey with few questions makes identical
 * answers common — raise {@code identical-answers} for such a survey's run.
 */
@ConfigMapping(prefix = "viche.quarantine")
public interface QuarantineConfig {

    @WithDefault("true")
    boolean enabled();

    /** Length of one counting window (at most PT1H: older windows are deleted). */
    @WithDefault("PT10M")
    Duration window();

    /** Anonymous responses from one client to one survey per window before the next is held. */
    @WithDefault("30")
    int perClient();

    /** Responses with the same answers to one survey per window before the next is held. */
    @WithDefault("50")
    int identicalAnswers();
}
