package org.viche.quarantine;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * When a response to an OPEN survey is held back for review. The per-client rule is generous
 * on purpose: a family sharing a phone, or a mobile carrier's NAT, puts several honest
 * respondents behind one address. The surge rule holds an answer set only when it arrives
 * far faster than its share so far predicts (see {@link PopularityRule}), so a popular answer
 * is never mistaken for an attack; bench/README.md shows both sides on simulated traffic.
 */
@ConfigMapping(prefix = "viche.quarantine")
public interface QuarantineConfig {

    @WithDefault("true")
    boolean enabled();

    /** Length of the sliding window of the per-client rule (at most PT1H: older counters are deleted). */
    @WithDefault("PT10M")
    Duration window();

    /** Anonymous responses from one client to one survey per window before the next is held. */
    @WithDefault("30")
    int perClient();

    /** The least excess over its predicted count for which an answer set is held as a surge. */
    @WithDefault("50")
    int identicalAnswers();

    /** A surge must be less likely than this under the (tolerant) prediction. */
    @WithDefault("1e-6")
    double surgeTail();

    /** How many times its share so far an answer set may arrive at before it can be held (drift is not a flood). */
    @WithDefault("4.0")
    double surgeTolerance();

    /** The weight of the prior share, in responses: it decides a survey's first minutes. */
    @WithDefault("200")
    double priorWeight();

    /** The sliding window whose arrivals are compared with the share so far. */
    @WithDefault("PT2M")
    Duration surgeWindow();

    /** How far back the share so far reaches (at most PT1H: older counters are deleted). */
    @WithDefault("PT1H")
    Duration history();
}
