package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class HostAllowlistTest {

    @Test
    void boundToLoopbackOnlyTheLoopbackNamesAtAnyPort() {
        HostAllowlist hosts = HostAllowlist.of("127.0.0.1", List.of());
        assertThat(hosts.allows("127.0.0.1:7070")).isTrue();
        assertThat(hosts.allows("localhost")).isTrue();
        assertThat(hosts.allows("[::1]:8080")).isTrue();
        assertThat(hosts.allows("evil.example:7070")).isFalse();
        assertThat(hosts.allows("192.168.1.20:7070")).isFalse();
        assertThat(hosts.allows("localhost:abc")).isFalse();
        assertThat(hosts.allows("")).isFalse();
        assertThat(hosts.allows(null)).isFalse();
    }

    @Test
    void boundToEveryInterfaceAnyIpLiteralButNoForeignName() {
        HostAllowlist hosts = HostAllowlist.of("0.0.0.0", List.of());
        assertThat(hosts.allows("192.168.1.20:7070")).isTrue();
        assertThat(hosts.allows("[fe80::1]:7070")).isTrue();
        assertThat(hosts.allows("localhost:7070")).isTrue();
        assertThat(hosts.allows("evil.example:7070")).isFalse();
        assertThat(hosts.allows("999.1.1.1:7070")).isFalse();
        assertThat(hosts.allows("0.0.0.0:7070")).isTrue();
    }

    @Test
    void theBoundNameAndTheExtraNamesAreAllowed() {
        HostAllowlist hosts = HostAllowlist.of("lab-pc", List.of("Trainer-Laptop.local", "10.0.0.7", "::2"));
        assertThat(hosts.allows("lab-pc:7070")).isTrue();
        assertThat(hosts.allows("trainer-laptop.local:7070")).isTrue();
        assertThat(hosts.allows("10.0.0.7")).isTrue();
        assertThat(hosts.allows("[::2]:7070")).isTrue();
        assertThat(hosts.allows("other.local")).isFalse();
    }

    @Test
    void anExtraNameThatIsNoHostNameIsRefusedWithTheOptionName() {
        for (String bad : List.of("evil.example:80", "a b", "http://x", "", "-x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostAllowlist.of("127.0.0.1", List.of(bad)));
            assertThat(e.getMessage()).contains("--allow-host").contains("no port");
        }
    }

    @Test
    void originMustMatchTheHostIncludingThePort() {
        assertThat(OriginCheck.allows("http://127.0.0.1:7070", "127.0.0.1:7070")).isTrue();
        assertThat(OriginCheck.allows("http://localhost", "localhost:80")).isTrue();
        assertThat(OriginCheck.allows(null, "127.0.0.1:7070")).isTrue();
        assertThat(OriginCheck.allows("http://localhost:7070", "127.0.0.1:7070")).isFalse();
        assertThat(OriginCheck.allows("https://127.0.0.1:7070", "127.0.0.1:7070")).isFalse();
        assertThat(OriginCheck.allows("null", "127.0.0.1:7070")).isFalse();
        assertThat(OriginCheck.changesState("POST")).isTrue();
        assertThat(OriginCheck.changesState("DELETE")).isTrue();
        assertThat(OriginCheck.changesState("GET")).isFalse();
    }
}
