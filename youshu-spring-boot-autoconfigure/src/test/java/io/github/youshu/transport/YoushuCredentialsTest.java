package io.github.youshu.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class YoushuCredentialsTest {

    private static final String SECRET = "s3cr3t-credentials-test";

    @Test
    void toStringMasksTheSecret() {
        YoushuCredentials credentials = YoushuCredentials.of("bi123", SECRET);

        assertThat(credentials.toString()).contains("bi123").contains("****").doesNotContain(SECRET);
        assertThat(credentials.appId()).isEqualTo("bi123");
    }

    @Test
    void missingAppIdIsRefusedNamingThePropertyAndNotTheSecret() {
        assertThatIllegalArgumentException().isThrownBy(() -> YoushuCredentials.of(" ", SECRET))
                .withMessageContaining("youshu.app-id")
                .withMessageNotContaining(SECRET);
        assertThatIllegalArgumentException().isThrownBy(() -> YoushuCredentials.of(null, SECRET))
                .withMessageContaining("youshu.app-id");
    }

    @Test
    void appIdWithSurroundingWhitespaceIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> YoushuCredentials.of("bi123 ", SECRET))
                .withMessageContaining("whitespace")
                .withMessageNotContaining(SECRET);
    }

    @Test
    void missingSecretIsRefusedNamingTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> YoushuCredentials.of("bi123", ""))
                .withMessageContaining("youshu.app-secret");
        assertThatIllegalArgumentException().isThrownBy(() -> YoushuCredentials.of("bi123", null))
                .withMessageContaining("youshu.app-secret");
    }
}
