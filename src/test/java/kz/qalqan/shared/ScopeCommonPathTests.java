package kz.qalqan.shared;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where an audit event about a whole scope belongs: the narrowest org path holding all of it. */
class ScopeCommonPathTests {

    @Test
    void oneRegionIsItsOwnPath() {
        assertThat(Scope.of(List.of("KZ-75/")).commonPath()).isEqualTo("KZ-75/");
    }

    @Test
    void unitsOfOneRegionShareTheRegionNotAPrefixOfAUnitCode() {
        assertThat(Scope.commonPath(List.of("KZ-75/u3/", "KZ-75/u34/p1/"))).isEqualTo("KZ-75/");
        assertThat(Scope.commonPath(List.of("KZ-75/d12/u3/", "KZ-75/d12/u3/"))).isEqualTo("KZ-75/d12/u3/");
    }

    @Test
    void severalRegionsOrTheCountryAreNational() {
        assertThat(Scope.of(List.of("KZ-75/", "KZ-71/")).commonPath()).isEmpty();
        assertThat(Scope.everything().commonPath()).isEmpty();
    }

    @Test
    void nothingHasNoPath() {
        assertThat(Scope.nothing().commonPath()).isNull();
        assertThat(Scope.commonPath(Arrays.asList(null, null))).isNull();
    }
}
