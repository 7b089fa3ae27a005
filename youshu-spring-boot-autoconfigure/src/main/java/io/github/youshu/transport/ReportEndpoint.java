package io.github.youshu.transport;

/** The Youshu API that receives behaviour events. */
public enum ReportEndpoint {

    /**
     * {@code POST /api/v1/safe-report?app_id&nonce&sign=sha256&timestamp&signature}: the signed
     * ("reliable") report, the default.
     */
    SAFE_REPORT("/api/v1/safe-report", true),

    /** {@code POST /api/report?app_id&timestamp&nonce}: the plain report, without a signature. */
    REPORT("/api/report", false);

    private final String path;
    private final boolean signed;

    ReportEndpoint(String path, boolean signed) {
        this.path = path;
        this.signed = signed;
    }

    /** The path below the base URL, starting with {@code /}. */
    public String path() {
        return path;
    }

    /** Whether the query carries {@code sign=sha256} and a {@code signature}. */
    public boolean signed() {
        return signed;
    }
}
