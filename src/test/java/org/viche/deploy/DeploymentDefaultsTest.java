package org.viche.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The deployment files ship defaults that protect people (docs/privacy.md, "the operator"):
 * forwarded addresses believed only from a named proxy, no access log of who asked for what,
 * and no secret with a default value.
 */
class DeploymentDefaultsTest {

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file));
    }

    @Test
    void forwardedHeadersAreBelievedOnlyFromNamedProxies() throws IOException {
        String compose = read("docker/compose.yml");
        String k8s = read("docker/k8s/viche.yaml");
        String properties = read("src/main/resources/application.properties");
        for (String file : new String[] {compose, k8s}) {
            assertTrue(Pattern.compile("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES: \"?[0-9a-f.:/]+\"?").matcher(file).find(),
                    "forwarding is on only together with a list of trusted proxies");
        }
        assertTrue(compose.contains("ipv4_address: 172.28.5.10") && compose.contains("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES: 172.28.5.10"),
                "compose trusts exactly its nginx");
        java.util.regex.Matcher trusted = Pattern.compile("(?m)^quarkus\\.http\\.proxy\\.trusted-proxies=(.*)$").matcher(properties);
        assertTrue(trusted.find());
        assertEquals(List.of("127.0.0.1", "::1/128"), List.of(trusted.group(1).split(",")), "by default only this machine");
        for (String file : new String[] {compose, k8s, properties}) {
            java.util.regex.Matcher lists = Pattern.compile("(?:QUARKUS_HTTP_PROXY_TRUSTED_PROXIES: \"?|trusted-proxies=)([^\"\\s]+)")
                    .matcher(file);
            while (lists.find()) {
                for (String entry : lists.group(1).split(",")) {
                    // a name (or a bare IPv6 literal, which Quarkus takes for one) is resolved on every request
                    assertTrue(entry.matches("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?") || entry.matches("[0-9a-f:]+/\\d{1,3}"),
                            "trusted proxy '" + entry + "': an IPv4 address or a CIDR block, never a name");
                }
            }
        }
        assertTrue(read("docker/nginx.conf").contains("proxy_set_header X-Forwarded-For $remote_addr;"),
                "nginx overwrites, never appends, the client address");
    }

    @Test
    void nginxKeepsNoAccessLog() throws IOException {
        String nginx = read("docker/nginx.conf");
        assertTrue(nginx.contains("access_log off;"));
        assertFalse(nginx.contains("log_format"));
        assertFalse(read("src/main/resources/application.properties").contains("access-log.enabled=true"),
                "the service itself writes no access log either");
    }

    @Test
    void noSecretHasADefault() throws IOException {
        String compose = read("docker/compose.yml");
        assertFalse(Pattern.compile("(PASSWORD|TOKEN|SECRET)[A-Z_]*:-").matcher(compose).find(), "no ${VAR:-default} secret");
        assertTrue(compose.contains("VICHE_SECRET: ${VICHE_SECRET:?"), "the service secret must be given");
        String k8s = read("docker/k8s/viche.yaml");
        assertFalse(k8s.contains("kind: Secret"), "secrets are created by the operator, not shipped");
        assertFalse(k8s.toLowerCase().contains("change-me"));
        String properties = read("src/main/resources/application.properties");
        assertFalse(Pattern.compile("(?m)^viche\\.secret=").matcher(properties).find(), "no secret outside the test profile");
        assertFalse(Pattern.compile("(?m)^quarkus\\.rest-csrf\\.token-signature-key=").matcher(properties).find());
    }
}
