package org.viche.web;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Formats published figures for people reading in {@code lang}: the decimal comma and the
 * percent sign's spacing differ between Ukrainian/Russian and English, and a figure that
 * looks wrong to its reader is a figure they will not trust.
 */
final class Numbers {

    static final String MISSING = "—";

    private final PageMessages msg;
    private final Locale locale;

    Numbers(PageMessages msg) {
        this.msg = msg;
        this.locale = PageTexts.locale(msg);
    }

    /** 0.3245 → "32,5 %" (uk) or "32.5%" (en). */
    String percent(Double share) {
        return share == null ? MISSING : msg.number_percent(decimal(share * 100, 1));
    }

    /** A 95% interval as percentages without the unit: "28,1–36,9". */
    String interval(double[] ci) {
        if (ci == null || ci.length != 2) {
            return MISSING;
        }
        return decimal(ci[0] * 100, 1) + "–" + decimal(ci[1] * 100, 1);
    }

    String decimal(Double value, int digits) {
        if (value == null) {
            return MISSING;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    String integer(Long value) {
        return value == null ? MISSING : NumberFormat.getIntegerInstance(locale).format(value);
    }
}
