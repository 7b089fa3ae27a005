package io.github.youshu.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns a plain phone number into the only form Youshu receives (data-api.md §3): the lowercase hex
 * SHA-256 of the UTF-8 bytes of the number's digits, after removing spaces (any whitespace) and
 * dashes and a leading {@code +86} country code, or a leading {@code 86} before an 11-digit mobile
 * number ({@code 8613800138000} → {@code 13800138000}; an 8-digit number starting with 86 is kept).
 * The models call it when a builder gets a plain number, so a plain number is never kept; neither it
 * nor its digits appear in any exception message or log line.
 */
public final class PhoneNumberHash {

    private static final HexFormat HEX = HexFormat.of();
    private static final int SHA256_HEX_LENGTH = 64;
    private static final int MOBILE_WITH_86_LENGTH = 13;

    private PhoneNumberHash() {
    }

    /**
     * The lowercase hex SHA-256 of the normalised number.
     *
     * @param phoneNumber a plain phone number, e.g. {@code +86 138-0013-8000}
     * @return 64 lowercase hex digits
     * @throws NullPointerException     when {@code phoneNumber} is {@code null}
     * @throws IllegalArgumentException when, normalised, the number is empty or holds anything but
     *                                  digits (the message does not show the number)
     */
    public static String sha256(String phoneNumber) {
        if (phoneNumber == null) {
            throw new NullPointerException("phone number must not be null; leave the phone out instead");
        }
        String digits = normalise(phoneNumber);
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        return HEX.formatHex(digest.digest(digits.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@link #sha256} of the number, or {@code null} when there is none ({@code null} or blank):
     * what the builders' phone methods keep.
     */
    static String sha256OrNull(String phoneNumber) {
        return phoneNumber == null || phoneNumber.isBlank() ? null : sha256(phoneNumber);
    }

    /** Whether {@code value} is 64 lowercase hex digits, the form of a hashed phone number. */
    public static boolean isSha256Hex(String value) {
        if (value == null || value.length() != SHA256_HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < SHA256_HEX_LENGTH; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code value} itself when it is {@code null} or a hashed phone number.
     *
     * @throws IllegalArgumentException naming the field (never the value) otherwise
     */
    static String requireSha256Hex(String value, String field) {
        if (value != null && !isSha256Hex(value)) {
            throw new IllegalArgumentException(field + " must be 64 lowercase hex digits, the SHA-256 of the phone "
                    + "number (value not shown); pass a plain number to the builder's phone method to have it hashed");
        }
        return value;
    }

    private static String normalise(String phoneNumber) {
        StringBuilder digits = new StringBuilder(phoneNumber.length());
        for (int i = 0; i < phoneNumber.length(); i++) {
            char c = phoneNumber.charAt(i);
            if (!Character.isWhitespace(c) && c != '-') {
                digits.append(c);
            }
        }
        if (digits.length() >= 3 && digits.charAt(0) == '+' && digits.charAt(1) == '8' && digits.charAt(2) == '6') {
            digits.delete(0, 3);
        } else if (digits.length() == MOBILE_WITH_86_LENGTH && digits.charAt(0) == '8' && digits.charAt(1) == '6') {
            digits.delete(0, 2);
        }
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("phone number has no digits; leave the phone out instead");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("phone number must hold only digits, spaces, dashes and a leading "
                        + "+86 (value not shown); hash other forms yourself and pass the sha256_* value");
            }
        }
        return digits.toString();
    }
}
