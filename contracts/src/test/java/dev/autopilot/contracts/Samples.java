package dev.autopilot.contracts;

/** Ids the golden files share. */
final class Samples {

    static final String INCIDENT = "0c8f4a52-3f1e-4d7a-9a55-6a1d1c0e2b77";
    static final String REMEDIATION = "8e2d3b0a-51a4-4c62-8b1b-6f0c2b9c1d33";
    static final String NOTIFICATION = "c41f0a8e-2b7d-4e19-9d3c-0b5a6e7f8a90";
    static final String SIGNAL = "5f0c6c1e-9a43-3c59-a0f4-1f3e1d2b7a10";
    static final String FINGERPRINT =
            "cloudwatch:awselb-t-developer-unhealthy:LoadBalancer=app/t-developer-alb/50dc6c495c0c9188";

    private Samples() {
    }
}
