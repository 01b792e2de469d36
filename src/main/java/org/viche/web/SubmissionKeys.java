package org.viche.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** The web form's one-time submission keys ({@link FormFields#SUBMISSION}): 128 random bits, nothing else. */
final class SubmissionKeys {

    /** The idempotency scope of form submissions: a random key needs no one's identity beside it. */
    static final String SCOPE = "form";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");

    private SubmissionKeys() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean isWellFormed(String key) {
        return key != null && FORM.matcher(key).matches();
    }
}
